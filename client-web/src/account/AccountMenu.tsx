import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';

/** The header's account corner: Sign in / Sign up for a guest; for a shopper, a disclosure menu ending in Sign out. */
export function AccountMenu() {
  const { status, user, signIn, signUp, signOut } = useAuth();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  if (status === 'loading') return null;
  if (!user)
    return (
      <div className="account-corner">
        <button type="button" className="header-button" onClick={() => void signIn()}>Sign in</button>
        <button type="button" className="header-button" onClick={() => void signUp()}>Sign up</button>
      </div>
    );
  return (
    <div className="account-corner account-menu" ref={root}
      onKeyDown={(e) => { if (e.key === 'Escape' && open) { setOpen(false); button.current?.focus(); } }}>
      <button type="button" className="header-button" ref={button} aria-expanded={open} aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}>
        Hi, {user.name} <span aria-hidden="true">▾</span>
      </button>
      <ul id={menuId} className="account-menu-list" hidden={!open}>
        <li><Link to="/account">Your account</Link></li>
        <li><Link to="/account/orders">Orders</Link></li>
        <li><Link to="/account/notifications">Notifications</Link></li>
        <li><button type="button" className="link-button" onClick={() => void signOut()}>Sign out</button></li>
      </ul>
    </div>
  );
}
