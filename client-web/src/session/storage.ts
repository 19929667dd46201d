// What the browser keeps between visits: the guest's anonymous id and the signed-in name (localStorage),
// and the admin key for this tab only (sessionStorage).
const guestKey = 'k8shop.guestId';
const userKey = 'k8shop.user';
const adminKeyName = 'k8shop.adminKey';

export function readGuestId(): string {
  let id = localStorage.getItem(guestKey);
  if (!id) {
    id = `guest-${crypto.randomUUID()}`;
    localStorage.setItem(guestKey, id);
  }
  return id;
}

export function readUser(): string | null {
  return localStorage.getItem(userKey);
}

export function writeUser(user: string | null): void {
  if (user) localStorage.setItem(userKey, user);
  else localStorage.removeItem(userKey);
}

export function readAdminKey(): string | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(adminKeyName);
}

export function writeAdminKey(key: string | null): void {
  if (key) sessionStorage.setItem(adminKeyName, key);
  else sessionStorage.removeItem(adminKeyName);
}

/** The rule the gateway applies to user ids, so sign-in can explain a bad name before sending it. */
export const userIdPattern = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}$/;
