import { vi } from 'vitest';

type Handler = (request: Request, match: RegExpMatchArray) => unknown | Promise<unknown>;

/**
 * Replaces fetch with a fake gateway: routes are "METHOD /path-regex"; a handler returns a JSON body (200) or a
 * Response. Unmatched requests fail the test loudly. Every request is recorded.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const requests: { method: string; path: string; body: unknown; headers: Headers; credentials: RequestCredentials }[] = [];
  const table = Object.entries({ ...routes, ...defaults(routes) }).map(([key, handler]) => {
    const [method, pattern] = key.split(' ') as [string, string];
    return { method, pattern: new RegExp(`^${pattern}$`), handler };
  });
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    requests.push({ method: request.method, path: url.pathname + url.search, body: text ? JSON.parse(text) : undefined, headers: request.headers, credentials: request.credentials });
    for (const route of table) {
      const match = url.pathname.match(route.pattern);
      if (route.method === request.method && match) {
        const result = await route.handler(request, match);
        return result instanceof Response ? result : json(result);
      }
    }
    throw new Error(`No fake route for ${request.method} ${url.pathname}`);
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, requests };
}

export const testGuestId = 'guest-00112233445566778899aabbccddeeff';

/** Routes every page load may call: the gateway issues a guest id unless the test answers it itself. */
function defaults(routes: Record<string, Handler>): Record<string, Handler> {
  return 'POST /auth/guest' in routes ? {} : { 'POST /auth/guest': () => ({ guestId: testGuestId }) };
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
}

export const emptyCart = (userId: string) => ({ userId, items: [], itemCount: 0, subtotal: 0 });

export function book(overrides: Record<string, unknown> = {}) {
  return {
    id: 'b1', sku: 'BOOK-001', title: 'Clean Code', description: 'About code.', price: 42.99, imageUrl: null, tags: ['programming'],
    stock: 12, updatedAt: '2026-01-01T00:00:00.000Z', author: 'Robert C. Martin', isbn: null, publishedYear: 2008,
    coverUrl: '/covers/BOOK-001.svg', ...overrides,
  };
}

export function order(overrides: Record<string, unknown> = {}) {
  return {
    orderId: '3f2a1c4e-0000-4000-8000-000000000001', status: 'confirmed', total: 42.99, itemCount: 1,
    items: [{ sku: 'BOOK-001', quantity: 1, price: 42.99, total: 42.99, title: 'Clean Code' }],
    createdAt: '2026-01-01T00:00:00Z', payment: { order_id: 'x', status: 'payment.succeeded', payment_id: 'pay_1', reference: 'ch_1', reason: null },
    paymentStatus: 'payment.succeeded', userId: 'ana', updatedAt: '2026-01-01T00:00:01Z', reason: null, outOfStock: null, fromCart: true,
    timeline: [{ status: 'pending', at: 'a', note: null }, { status: 'reserved', at: 'b', note: null }, { status: 'paid', at: 'c', note: null }, { status: 'confirmed', at: 'd', note: null }],
    ...overrides,
  };
}
