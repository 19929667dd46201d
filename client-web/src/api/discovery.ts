import { api, call, type Schemas } from './client';

// Issue 19's routes (search, suggestions, shelves, reviews), through the generated client, behind names the pages read.

export type Highlight = Schemas['HighlightResponse'];
export type HighlightField = 'title' | 'subtitle' | 'author' | 'description' | 'isbn' | 'sku' | 'tags';
export type RatingBrief = Schemas['RatingResponse'];
export type SearchHit = Schemas['SearchHitResponse'];
export type FacetCount = Schemas['FacetValueResponse'];
export type SearchFacets = Schemas['SearchFacetsResponse'];
export type SearchResponse = Schemas['SearchResponse'];
export type Suggestion = Schemas['SuggestionResponse'];
export type Shelf = Schemas['ShelfResponse'];
export type Review = Schemas['ReviewItemResponse'];
export type RatingSummary = Schemas['RatingSummaryResponse'];
export type ReviewsResponse = Schemas['ReviewListResponse'];
export type AdminReviewsResponse = Schemas['ModerationListResponse'];

/** The search's query as /catalog/search takes it (every value travels as text). */
export interface SearchParams { q?: string; tag?: string; author?: string; priceBand?: string; inStock?: string; sort?: string; page?: number; pageSize?: number }

const text = (value: number | undefined) => (value === undefined ? undefined : String(value));

export const discovery = {
  search: ({ page, pageSize, ...rest }: SearchParams, signal?: AbortSignal) =>
    call(api.GET('/catalog/search', { params: { query: { ...rest, page: text(page), pageSize: text(pageSize) } }, signal })),
  suggest: (q: string, limit: number, signal?: AbortSignal) =>
    call(api.GET('/catalog/suggest', { params: { query: { q, limit: String(limit) } }, signal })),
  shelves: () => call(api.GET('/recommendations/shelves')),
  viewed: (productId: string) => call(api.POST('/recommendations/viewed', { body: { productId, userId: null } })),
  reviews: (sku: string, sort: 'newest' | 'helpful', page: number, pageSize: number) =>
    call(api.GET('/catalog/{id}/reviews', { params: { path: { id: sku }, query: { sort, page: String(page), pageSize: String(pageSize) } } })),
  saveReview: (sku: string, rating: number, reviewText: string) =>
    call(api.PUT('/catalog/{id}/reviews/mine', { params: { path: { id: sku } }, body: { rating, text: reviewText } })),
  deleteReview: (sku: string) => call(api.DELETE('/catalog/{id}/reviews/mine', { params: { path: { id: sku } } })),
  helpful: (reviewId: string) => call(api.POST('/reviews/{reviewId}/helpful', { params: { path: { reviewId } } })),
  adminReviews: (hidden: boolean, page: number) =>
    call(api.GET('/admin/reviews', { params: { query: { hidden: String(hidden), page: String(page) } } })),
  setHidden: (reviewId: string, hidden: boolean) =>
    call(api.PUT('/admin/reviews/{reviewId}/hidden', { params: { path: { reviewId } }, body: { hidden } })),
};
