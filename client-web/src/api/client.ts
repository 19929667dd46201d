import createClient from 'openapi-fetch';
import { authorizedFetch } from './authorizedFetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Product = Schemas['ProductResponse'];
export type CatalogList = Schemas['CatalogListResponse'];
export type Cart = Schemas['CartResponse'];
export type CartLine = Schemas['CartItemResponse'];
export type Order = Schemas['OrderResponse'];
export type OrderList = Schemas['OrderListResponse'];
export type Recommendation = Schemas['RecommendationItemResponse'];
export type Inventory = Schemas['InventoryResponse'];
export type HotSkus = Schemas['HotSkusResponse'];
export type Notification = Schemas['NotificationResponse'];
export type ProductInput = Schemas['ProductRequest'];
export type Fault = Schemas['FaultResponse'];
export type FaultChange = Schemas['FaultRequest'];

/**
 * The gateway's API, typed from its OpenAPI document (client-web/openapi.json). Requests carry the signed-in shopper's
 * access token; fetch is looked up per call so tests can replace it.
 */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  fetch: authorizedFetch,
});

/** A failed call, with the server's explanation (problem `detail`) and the fields it named. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface Problem {
  detail?: string;
  title?: string;
  error?: string;
  errors?: Record<string, string[]>;
}

function explain(status: number, body: unknown): ApiError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Problem;
  const fallback = status === 401 ? 'Please sign in to continue.'
    : status === 403 ? 'Your account is not allowed to do that.'
    : status === 404 ? 'Not found.'
    : status >= 500 ? 'The shop is having trouble right now. Please try again in a moment.'
    : `The request failed (HTTP ${status}).`;
  return new ApiError(problem.detail ?? problem.error ?? problem.title ?? fallback, status, problem.errors ?? {});
}

/** Awaits an openapi-fetch call and returns its data, or throws an {@link ApiError} that says what went wrong. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError('Cannot reach the shop. Check your connection and try again.', 0);
  }
  if (!result.response.ok) throw explain(result.response.status, result.error);
  return result.data as T;
}
