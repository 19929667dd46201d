import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, call, type Cart } from '../api/client';
import { useSession } from '../session/SessionContext';
import { useKnownShopper } from './useKnownShopper';

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
  const shopper = useKnownShopper(shopperId, sessionError);
  // Counts the changes answered; a load that started before one of them holds an older cart than the change's.
  const changes = useRef(0);

  const refresh = useCallback(async () => {
    // Until the shop knows who is shopping (signed in, or which guest) there is no cart to load.
    if (!shopperId) return;
    setLoading(true);
    const before = changes.current;
    try {
      const loaded = await call(api.GET('/cart/{userId}', { params: { path: { userId: shopperId } } }));
      if (changes.current === before) setCart(loaded);
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
    const changed = (next: Cart) => { changes.current++; setCart(next); };
    const line = async (sku: string) => ({ path: { userId: await shopper(), productId: sku } });
    return {
      cart, error, loading, refresh,
      // The cart route still requires the original's price field; the server ignores it and uses the catalog's.
      add: async (sku, quantity = 1) => {
        const userId = await shopper();
        changed(await call(api.POST('/cart/{userId}/items', { params: { path: { userId } }, body: { productId: sku, quantity, price: 0 } })));
      },
      setQuantity: async (sku, quantity) => changed(await call(api.PUT('/cart/{userId}/items/{productId}', { params: await line(sku), body: { quantity } }))),
      remove: async (sku) => changed(await call(api.DELETE('/cart/{userId}/items/{productId}', { params: await line(sku) }))),
    };
  }, [cart, error, loading, refresh, shopper]);

  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartState {
  const state = useContext(CartContext);
  if (!state) throw new Error('useCart needs a CartProvider');
  return state;
}
