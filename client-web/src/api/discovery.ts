import { call, type Product } from './client';
import { authorizedFetch } from './authorizedFetch';

// Issue 19's routes (search, suggestions, shelves, reviews) in the shapes of the shared contract, until the gateway's
// OpenAPI document carries them and the generated client takes over.

export type HighlightField = 'title' | 'subtitle' | 'author' | 'description' | 'isbn' | 'sku' | 'tags';
export interface Highlight { field: HighlightField; value?: string; ranges: [number, number][] }
export interface RatingBrief { average: number; count: number }
export interface SearchHit { product: Product; highlights: Highlight[]; rating: RatingBrief | null }
export interface FacetCount { value: string; count: number }
export interface SearchFacets { tags: FacetCount[]; authors: FacetCount[]; priceBands: FacetCount[]; inStock: FacetCount[] }
export interface SearchResponse {
  query: string; items: SearchHit[]; total: number; page: number; pageSize: number; totalPages: number;
  facets: SearchFacets; didYouMean: string | null;
}
export interface Suggestion { kind: 'title' | 'author'; text: string; sku?: string | null }
export interface SuggestResponse { query: string; suggestions: Suggestion[] }

export interface Shelf { id: string; title: string; reason: string; items: Product[] }
export interface ShelvesResponse { shelves: Shelf[] }

export interface Review {
  id: string; rating: number; text: string; reviewer: string; createdAt: string; updatedAt: string;
  verifiedPurchase: boolean; helpful: number; hidden?: boolean;
}
export interface RatingSummary { average: number; count: number; stars: number[] }
export interface ReviewsResponse {
  sku: string; summary: RatingSummary; items: Review[]; total: number; page: number; pageSize: number;
  mine: Review | null; canReview: boolean;
}
export interface AdminReview extends Review { sku?: string }
export interface AdminReviewsResponse { items: AdminReview[]; total?: number; page?: number; pageSize?: number; totalPages?: number }

type Query = Record<string, string | number | boolean | undefined>;

function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
  return `${origin}${path}${search ? `?${search}` : ''}`;
}

async function send<T>(method: string, path: string, { query, body, signal }: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const request = new Request(url(path, query), {
    method, signal,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return call((async () => {
    const response = await authorizedFetch(request);
    const text = response.status === 204 ? '' : await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    return response.ok ? { data: parsed as T, response } : { error: parsed, response };
  })());
}

const id = (value: string) => encodeURIComponent(value);

export const discovery = {
  search: (query: Query, signal?: AbortSignal) => send<SearchResponse>('GET', '/catalog/search', { query, signal }),
  suggest: (q: string, limit: number, signal?: AbortSignal) => send<SuggestResponse>('GET', '/catalog/suggest', { query: { q, limit }, signal }),
  shelves: () => send<ShelvesResponse>('GET', '/recommendations/shelves'),
  viewed: (productId: string) => send<void>('POST', '/recommendations/viewed', { body: { productId } }),
  reviews: (sku: string, sort: 'newest' | 'helpful', page: number, pageSize: number) =>
    send<ReviewsResponse>('GET', `/catalog/${id(sku)}/reviews`, { query: { sort, page, pageSize } }),
  saveReview: (sku: string, rating: number, text: string) => send<Review>('PUT', `/catalog/${id(sku)}/reviews/mine`, { body: { rating, text } }),
  deleteReview: (sku: string) => send<void>('DELETE', `/catalog/${id(sku)}/reviews/mine`),
  helpful: (reviewId: string) => send<{ helpful: number }>('POST', `/reviews/${id(reviewId)}/helpful`),
  adminReviews: (hidden: boolean, page: number) => send<AdminReviewsResponse>('GET', '/admin/reviews', { query: { hidden, page } }),
  setHidden: (reviewId: string, hidden: boolean) => send<AdminReview>('PUT', `/admin/reviews/${id(reviewId)}/hidden`, { body: { hidden } }),
};
