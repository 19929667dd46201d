import { useEffect } from 'react';
import { discovery } from '../api/discovery';
import { useAuth } from '../auth/AuthContext';
import { rememberViewed } from './recentlyViewed';

/** Notes that the shopper looked at this book: with the shop when signed in, in this browser for a guest. */
export function useRecordView(sku: string): void {
  const { status, user } = useAuth();
  const signedIn = user !== null;
  useEffect(() => {
    if (status !== 'ready' || !sku) return;
    if (!signedIn) rememberViewed(sku);
    // Recording a view is a side matter: a failure must not disturb the book page.
    else discovery.viewed(sku).catch(() => undefined);
  }, [sku, status, signedIn]);
}
