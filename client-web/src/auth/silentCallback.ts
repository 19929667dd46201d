import { silentPath } from './settings';
import { storefrontUserManager } from './StorefrontUserManager';

/**
 * The silent page runs in a hidden frame during a renewal: it hands the provider's answer to the page that asked and
 * shows nothing. Answers true when this page load was that frame.
 */
export function handleSilentCallback(): boolean {
  if (window.location.pathname !== silentPath) return false;
  void storefrontUserManager().signinSilentCallback().catch(() => undefined);
  return true;
}
