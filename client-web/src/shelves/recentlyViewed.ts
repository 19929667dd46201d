/** A guest's recently viewed books, kept in this browser only (a signed-in shopper's are kept by the shop). */
const key = 'k8shop.recentlyViewed';
export const recentlyViewedLimit = 12;

export function recentlyViewed(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string').slice(0, recentlyViewedLimit) : [];
  } catch {
    return [];
  }
}

/** Newest first, each book once, at most {@link recentlyViewedLimit}. */
export function rememberViewed(sku: string): void {
  const next = [sku, ...recentlyViewed().filter((s) => s !== sku)].slice(0, recentlyViewedLimit);
  try {
    localStorage.setItem(key, JSON.stringify(next));
  } catch {
    // Storage full or switched off: the shelf is a convenience, browsing goes on without it.
  }
}

export function forgetViewed(): void {
  localStorage.removeItem(key);
}
