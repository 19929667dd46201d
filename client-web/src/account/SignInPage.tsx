import { Link } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { Loading } from '../ui/StateViews';
import { usePageTitle } from '../ui/usePageTitle';

/** Sign-in happens on the shop's identity provider; this page explains it and sends the shopper there. */
export function SignInPage() {
  usePageTitle('Sign in');
  const { status, user, signIn, signUp, signOut } = useAuth();

  if (status === 'loading') return <Loading label="Checking your sign-in…" />;
  if (user)
    return (
      <div className="signin-page">
        <h1>Signed in</h1>
        <p>You are signed in as <strong>{user.name}</strong>{user.email && <> ({user.email})</>}.</p>
        <div className="signin-actions">
          <Link className="button" to="/account">Your account</Link>
          <button type="button" className="secondary" onClick={() => void signOut()}>Sign out</button>
        </div>
      </div>
    );
  return (
    <div className="signin-page">
      <h1>Sign in</h1>
      <p>Sign in to check out, follow your orders and get notifications. Books in your guest cart move into your account.</p>
      <div className="signin-actions">
        <button type="button" className="primary" onClick={() => void signIn('/basket')}>Sign in</button>
        <button type="button" className="secondary" onClick={() => void signUp('/basket')}>Create an account</button>
      </div>
    </div>
  );
}
