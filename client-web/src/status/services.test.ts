import { describe, expect, it } from 'vitest';
import { readHealth } from './services';

describe('readHealth', () => {
  it('is up on a 2xx whose ok is true or absent, showing the backend', () => {
    expect(readHealth(200, { ok: true, backend: 'redis' })).toEqual({ ok: true, note: 'Backend: redis' });
    expect(readHealth(200, null)).toEqual({ ok: true, note: 'Operational' });
  });

  it('is down on a 503 or ok false, with the reason', () => {
    expect(readHealth(503, { ok: false, backend: 'dynamodb', error: 'store unavailable' })).toEqual({ ok: false, note: 'store unavailable · Backend: dynamodb' });
    expect(readHealth(200, { ok: false })).toEqual({ ok: false, note: 'HTTP 200' });
  });
});
