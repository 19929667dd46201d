const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Formats a price the server computed; the storefront never does price arithmetic of its own. */
export function money(amount: number): string {
  return usd.format(amount);
}
