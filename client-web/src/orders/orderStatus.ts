import type { Order } from '../api/client';

/** The saga's steps as a shopper sees them, in order. */
export const steps = [
  { status: 'pending', label: 'Order placed' },
  { status: 'reserved', label: 'Books reserved' },
  { status: 'paid', label: 'Payment accepted' },
  { status: 'confirmed', label: 'Confirmed' },
  { status: 'shipped', label: 'Shipped' },
  { status: 'delivered', label: 'Delivered' },
] as const;

const failed = new Set(['rejected', 'payment_failed', 'cancelled']);
const final = new Set(['rejected', 'payment_failed', 'cancelled', 'delivered', 'returned']);

/** Nothing more will happen to the order by itself or by an admin. */
export function isFinal(status: string): boolean {
  return final.has(status);
}

/** The checkout saga is still deciding (the order is neither confirmed nor failed yet). */
export function isSettling(status: string): boolean {
  return ['pending', 'reserved', 'paid', 'releasing', 'refunding', 'returning'].includes(status);
}

export function isFailure(status: string): boolean {
  return failed.has(status);
}

export const statusLabels: Record<string, string> = {
  pending: 'Placed', reserved: 'Books reserved', paid: 'Paid', confirmed: 'Confirmed', shipped: 'Shipped',
  delivered: 'Delivered', rejected: 'Out of stock', payment_failed: 'Payment declined', cancelled: 'Cancelled',
  releasing: 'Releasing stock', refunding: 'Refunding', returning: 'Returning stock',
  return_requested: 'Return requested', returned: 'Returned and refunded',
};

export function statusLabel(status: string): string {
  return statusLabels[status] ?? status;
}

const declineReasons: Record<string, string> = {
  card_declined: 'Your card was declined by the bank.',
  amount_over_limit: 'The total is above the limit this shop accepts for one card payment.',
  processor_declined: 'The payment processor declined the charge.',
};

/** Why an order failed, in words a shopper can act on; null for an order that did not fail. */
export function explainFailure(order: Pick<Order, 'status' | 'reason' | 'outOfStock' | 'items'> & { payment?: { reason?: string | null } }): string | null {
  if (order.status === 'rejected') {
    const skus = order.outOfStock ?? [];
    const titles = skus.map((sku) => order.items.find((i) => i.sku.toUpperCase() === sku.toUpperCase())?.title ?? sku);
    return titles.length > 0
      ? `Not enough stock for: ${titles.join(', ')}. Nothing was charged and your cart is unchanged; lower the quantity or remove the book to try again.`
      : 'Some books were out of stock. Nothing was charged and your cart is unchanged.';
  }
  if (order.status === 'payment_failed') {
    const reason = order.reason ?? order.payment?.reason ?? '';
    return `${declineReasons[reason] ?? 'The payment was declined.'} Nothing was charged, the books were released and your cart is unchanged; try another card.`;
  }
  if (order.status === 'cancelled') return 'This order was cancelled; any payment was refunded.';
  return null;
}

/** Which steps are done: each step whose status appears in the timeline, or comes before the current one. */
export function stepStates(order: Pick<Order, 'status' | 'timeline'>): { status: string; label: string; state: 'done' | 'current' | 'todo' | 'failed' }[] {
  const seen = new Set(order.timeline.map((t) => t.status));
  const currentIndex = steps.findIndex((s) => s.status === order.status);
  const failure = isFailure(order.status);
  let lastDone = -1;
  steps.forEach((s, i) => { if (seen.has(s.status) || i <= currentIndex) lastDone = i; });
  return steps.map((s, i) => ({
    ...s,
    state: i <= lastDone ? (i === currentIndex && !isFinal(order.status) && order.status !== 'confirmed' && order.status !== 'shipped' ? 'current' : 'done')
      : failure && i === lastDone + 1 ? 'failed' : 'todo',
  }));
}
