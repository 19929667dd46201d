/** Review text limits after trimming, in UTF-16 code units as the server counts them (Contracts ShopLimits.Reviews). */
export const reviewTextMin = 10;
export const reviewTextMax = 4000;

// Line breaks and tabs are text; any other control character is refused, by the server too.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface ReviewErrors { rating?: string; text?: string }

/** What is wrong with a review before it is sent; the server checks the same limits. */
export function reviewErrors(rating: number | null, text: string): ReviewErrors {
  const errors: ReviewErrors = {};
  if (rating === null || !Number.isInteger(rating) || rating < 1 || rating > 5) errors.rating = 'Choose a rating from 1 to 5 stars.';
  const trimmed = text.trim();
  if (trimmed.length < reviewTextMin) errors.text = `Write a few words with your rating: at least ${reviewTextMin} characters.`;
  else if (trimmed.length > reviewTextMax) errors.text = `Keep the review to ${reviewTextMax.toLocaleString('en-US')} characters or fewer (it has ${trimmed.length.toLocaleString('en-US')}).`;
  else if (controlCharacters.test(trimmed)) errors.text = 'The review contains characters that cannot be shown; please retype it.';
  return errors;
}
