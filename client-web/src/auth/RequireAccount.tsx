import type { ReactNode } from 'react';
import { Loading } from '../ui/StateViews';
import { useAuth } from './AuthContext';

interface Props {
  /** The page's heading, shown to a guest too so they know where they are. */
  title: string;
  /** Why the page needs an account, in a sentence. */
  reason: string;
  children: ReactNode;
}

/** Shows the page to a signed-in shopper; a guest is offered sign-in or sign-up, coming back here afterwards. */
export function RequireAccount({ title, reason, children }: Props) {
  const { status, user, signIn, signUp } = useAuth();
  if (status === 'loading') return <Loading label="Checking your sign-in…" />;
  if (user) return <>{children}</>;
  return (
    <div className="signin-page">
      <h1>{title}</h1>
      <p>{reason}</p>
      <div className="signin-actions">
        <button type="button" className="primary" onClick={() => void signIn()}>Sign in</button>
        <button type="button" className="secondary" onClick={() => void signUp()}>Create an account</button>
      </div>
    </div>
  );
}
