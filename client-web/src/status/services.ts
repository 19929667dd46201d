/** The services the original dashboard checked, and the health route each answers here (as listed in the OpenAPI document). */
export const services = [
  { key: 'catalog', name: 'Catalog', health: '/healthz' },
  { key: 'cart', name: 'Cart', health: '/api/cart/healthz' },
  { key: 'orders', name: 'Orders', health: '/orders/healthz' },
  { key: 'inventory', name: 'Inventory', health: '/api/inventory/healthz' },
  { key: 'payment', name: 'Payments', health: '/payments/healthz' },
  { key: 'notification', name: 'Notifications', health: '/notification/healthz' },
  { key: 'recommendation', name: 'Recommendations', health: '/recommendations/healthz' },
] as const;

export type HealthPath = (typeof services)[number]['health'];

export interface ServiceHealth {
  ok: boolean;
  note: string;
}

/** As the original: healthy when the body's `ok` is true (or absent on a 2xx); the backend is shown when named. */
export function readHealth(status: number, body: unknown): ServiceHealth {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const ok = status >= 200 && status < 300 && record.ok !== false;
  const backend = typeof record.backend === 'string' ? `Backend: ${record.backend}` : null;
  const error = typeof record.error === 'string' ? record.error : null;
  return { ok, note: ok ? (backend ?? 'Operational') : (error ?? `HTTP ${status}`) + (backend ? ` · ${backend}` : '') };
}
