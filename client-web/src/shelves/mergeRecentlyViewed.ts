import { discovery } from '../api/discovery';
import { forgetViewed, recentlyViewed } from './recentlyViewed';

/** After signing in, the books viewed as a guest join the account's recently viewed (oldest first, so the order holds). */
export async function mergeRecentlyViewed(): Promise<void> {
  const skus = recentlyViewed();
  try {
    for (const sku of [...skus].reverse()) await discovery.viewed(sku);
    forgetViewed();
  } catch {
    // Kept in the browser: the next sign-in tries again.
  }
}
