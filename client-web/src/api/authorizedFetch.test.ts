import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectApiAuth, type ApiAuth } from '../auth/apiAuth';
import { json } from '../test/fakeApi';
import { authorizedFetch } from './authorizedFetch';

function session(token: string | null, renewed: string | null = null) {
  const auth = {
    accessToken: vi.fn(async () => token),
    renew: vi.fn(async () => renewed),
    signInRequired: vi.fn(),
  } satisfies ApiAuth;
  disconnect = connectApiAuth(auth);
  return auth;
}

function server(...statuses: number[]) {
  const seen: { authorization: string | null; body: string }[] = [];
  const fetch = vi.fn(async (request: Request) => {
    seen.push({ authorization: request.headers.get('Authorization'), body: await request.text() });
    return json({}, statuses.shift() ?? 200);
  });
  vi.stubGlobal('fetch', fetch);
  return seen;
}

const post = () => new Request('http://localhost/cart/u1/items', { method: 'POST', body: '{"productId":"B","quantity":1}' });
let disconnect = () => {};
afterEach(() => disconnect());

describe('authorizedFetch', () => {
  it('sends no Authorization header for a guest', async () => {
    session(null);
    const seen = server(200);
    await authorizedFetch(post());
    expect(seen).toEqual([{ authorization: null, body: '{"productId":"B","quantity":1}' }]);
  });

  it('sends the signed-in shopper\'s access token as a bearer credential', async () => {
    session('tok-1');
    const seen = server(200);
    expect((await authorizedFetch(post())).status).toBe(200);
    expect(seen[0]!.authorization).toBe('Bearer tok-1');
  });

  it('on a 401 renews once and sends the same request again with the new token', async () => {
    const auth = session('stale', 'fresh');
    const seen = server(401, 200);
    expect((await authorizedFetch(post())).status).toBe(200);
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(seen[1]!.body).toBe('{"productId":"B","quantity":1}');
    expect(auth.renew).toHaveBeenCalledTimes(1);
    expect(auth.signInRequired).not.toHaveBeenCalled();
  });

  it('sends the shopper to sign in when renewal fails, without sending again', async () => {
    const auth = session('stale', null);
    const seen = server(401);
    expect((await authorizedFetch(post())).status).toBe(401);
    expect(seen).toHaveLength(1);
    expect(auth.signInRequired).toHaveBeenCalledTimes(1);
  });

  it('sends the shopper to sign in when the renewed token is refused too, and does not loop', async () => {
    const auth = session('stale', 'fresh');
    const seen = server(401, 401);
    expect((await authorizedFetch(post())).status).toBe(401);
    expect(seen).toHaveLength(2);
    expect(auth.renew).toHaveBeenCalledTimes(1);
    expect(auth.signInRequired).toHaveBeenCalledTimes(1);
  });

  it('leaves a guest\'s 401 to the page: no renewal, no redirect', async () => {
    const auth = session(null, 'fresh');
    server(401);
    expect((await authorizedFetch(post())).status).toBe(401);
    expect(auth.renew).not.toHaveBeenCalled();
    expect(auth.signInRequired).not.toHaveBeenCalled();
  });
});
