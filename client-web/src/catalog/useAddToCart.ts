import { useState } from 'react';
import { useCart } from '../cart/CartContext';

/** Adds a book to the cart and says how it went, for one button. */
export function useAddToCart() {
  const { add } = useCart();
  const [state, setState] = useState<{ status: 'idle' | 'adding' | 'added' } | { status: 'error'; message: string }>({ status: 'idle' });

  async function addToCart(sku: string, quantity = 1) {
    setState({ status: 'adding' });
    try {
      await add(sku, quantity);
      setState({ status: 'added' });
    } catch (e) {
      setState({ status: 'error', message: (e as Error).message });
    }
  }

  return { state, addToCart };
}
