import { ApiError } from '../api/client';

let issued: Promise<string> | null = null;

/**
 * The guest's id, issued by the server: `POST /auth/guest` sets an HttpOnly cookie and answers the id it holds (the
 * same one again while the cookie lasts). Asked once per page load; the browser keeps nothing readable.
 */
export function requestGuestId(): Promise<string> {
  issued ??= ask().catch((e: unknown) => {
    issued = null;
    throw e;
  });
  return issued;
}

/** Forgets the id asked for, so the next page (or test) asks the server again. */
export function forgetGuestId(): void {
  issued = null;
}

// The guest route is the gateway's and answers no shopper data, so it is called outside the typed client and without a token.
async function ask(): Promise<string> {
  let response: Response;
  try {
    response = await globalThis.fetch(new Request(new URL('/auth/guest', window.location.origin), {
      method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' },
    }));
  } catch {
    throw new ApiError('Cannot reach the shop. Check your connection and try again.', 0);
  }
  const body = (await response.json().catch(() => ({}))) as { guestId?: unknown };
  if (!response.ok || typeof body.guestId !== 'string')
    throw new ApiError('The shop could not start a guest cart. Please try again in a moment.', response.status);
  return body.guestId;
}
