import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, type Cart } from '../api/client';
import { useSession } from '../session/SessionContext';

interface CartState {
  cart: Cart | null;
  error: Error | null;
  loading: boolean;
  refresh(): Promise<void>;
  add(sku: string, quantity?: number): Promise<void>;
  setQuantity(sku: string, quantity: number): Promise<void>;
  remove(sku: string): Promise<void>;
}

const CartContext = createContext<CartState | null>(null);

/** The shopper's cart as the server has it; every change answers with the cart the server priced. */
export function CartProvider({ children }: { children: ReactNode }) {
  const { shopperId, error: sessionError } = useSession();
  const [cart, setCart] = useState<Cart | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    // Until the shop knows who is shopping (signed in, or which guest) there is no cart to load.
    if (!shopperId) return;
    setLoading(true);
    try {
      setCart(await call(api.GET('/cart/{userId}', { params: { path: { userId: shopperId } } })));
      setError(null);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }, [shopperId]);

  useEffect(() => {
    setCart(null);
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (sessionError) { setError(sessionError); setLoading(false); }
  }, [sessionError]);

  const value = useMemo<CartState>(() => {
    const shopper = () => {
      if (!shopperId) throw new Error('Your cart is still loading. Please try again in a moment.');
      return shopperId;
    };
    const line = (sku: string) => ({ path: { userId: shopper(), productId: sku } });
    return {
      cart, error, loading, refresh,
      // The cart route still requires the original's price field; the server ignores it and uses the catalog's.
      add: async (sku, quantity = 1) => setCart(await call(api.POST('/cart/{userId}/items', {
        params: { path: { userId: shopper() } }, body: { productId: sku, quantity, price: 0 },
      }))),
      setQuantity: async (sku, quantity) => setCart(await call(api.PUT('/cart/{userId}/items/{productId}', { params: line(sku), body: { quantity } }))),
      remove: async (sku) => setCart(await call(api.DELETE('/cart/{userId}/items/{productId}', { params: line(sku) }))),
    };
  }, [cart, error, loading, refresh, shopperId]);

  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartState {
  const state = useContext(CartContext);
  if (!state) throw new Error('useCart needs a CartProvider');
  return state;
}
