import { api, call } from '../api/client';
import type { AccountUser } from '../auth/accountUser';
import { requestGuestId } from './guestId';

/**
 * After signing in, books the shopper put in the cart as a guest join the account's cart (quantities add). The server
 * merges only the guest cart whose cookie this browser holds. A failed merge leaves the guest cart as it was and must
 * not stop the sign-in.
 */
export async function mergeGuestCart(user: AccountUser): Promise<void> {
  try {
    const guestId = await requestGuestId();
    await call(api.POST('/cart/{userId}/merge', { params: { path: { userId: user.sub } }, body: { guestId } }));
  } catch {
    // The account's own cart is still there; the guest's books stay in the guest cart.
  }
}
