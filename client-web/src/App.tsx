import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AccountPage } from './account/AccountPage';
import { SignInPage } from './account/SignInPage';
import { AdminGate } from './admin/AdminGate';
import { FaultsPage } from './admin/FaultsPage';
import { HotSkusPage } from './admin/HotSkusPage';
import { ProductFormPage } from './admin/ProductFormPage';
import { ProductsAdminPage } from './admin/ProductsAdminPage';
import { ReviewsModerationPage } from './admin/ReviewsModerationPage';
import { StockPage } from './admin/StockPage';
import type { AccountUser } from './auth/accountUser';
import { AuthCallbackPage } from './auth/AuthCallbackPage';
import { AuthProvider } from './auth/AuthContext';
import { CartProvider } from './cart/CartContext';
import { CartPage } from './cart/CartPage';
import { BookDetailPage } from './catalog/BookDetailPage';
import { CatalogPage } from './catalog/CatalogPage';
import { CheckoutPage } from './checkout/CheckoutPage';
import { Layout } from './Layout';
import { NotificationsPage } from './notifications/NotificationsPage';
import { OrderHistoryPage } from './orders/OrderHistoryPage';
import { OrderPage } from './orders/OrderPage';
import { mergeGuestCart } from './session/mergeGuestCart';
import { SessionProvider } from './session/SessionContext';
import { mergeRecentlyViewed } from './shelves/mergeRecentlyViewed';
import { SearchPage } from './search/SearchPage';
import { StatusPanel } from './status/StatusPanel';
import { NotFound } from './ui/NotFound';

/** Client routes; the silo answers index.html for each of these prefixes (StorefrontHostingExtensions.ClientRoutes). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<CatalogPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="books/:sku" element={<BookDetailPage />} />
        <Route path="basket" element={<CartPage />} />
        <Route path="checkout" element={<CheckoutPage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="auth/callback" element={<AuthCallbackPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="account/orders" element={<OrderHistoryPage />} />
        <Route path="account/orders/:orderId" element={<OrderPage />} />
        <Route path="account/notifications" element={<NotificationsPage />} />
        <Route path="admin" element={<AdminGate><ProductsAdminPage /></AdminGate>} />
        <Route path="admin/products" element={<AdminGate><ProductsAdminPage /></AdminGate>} />
        <Route path="admin/products/new" element={<AdminGate><ProductFormPage /></AdminGate>} />
        <Route path="admin/products/:sku" element={<AdminGate><ProductFormPage /></AdminGate>} />
        <Route path="admin/stock" element={<AdminGate><StockPage /></AdminGate>} />
        <Route path="admin/hot" element={<AdminGate><HotSkusPage /></AdminGate>} />
        <Route path="admin/moderation" element={<AdminGate><ReviewsModerationPage /></AdminGate>} />
        <Route path="admin/faults" element={<AdminGate><FaultsPage /></AdminGate>} />
        <Route path="status" element={<StatusPanel />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** What a guest did before signing in joins the account: the cart, then the recently viewed books. */
async function signedIn(user: AccountUser): Promise<void> {
  await mergeGuestCart(user);
  await mergeRecentlyViewed();
}

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider onSignedIn={signedIn}>
        <SessionProvider>
          <CartProvider>
            <AppRoutes />
          </CartProvider>
        </SessionProvider>
      </AuthProvider>
    </BrowserRouter>
  );
}
