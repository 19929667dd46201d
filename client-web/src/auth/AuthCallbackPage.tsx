import { Link } from 'react-router-dom';
import { Loading } from '../ui/StateViews';
import { usePageTitle } from '../ui/usePageTitle';
import { useAuth } from './AuthContext';

/** Where the provider sends the shopper back; the AuthProvider completes the sign-in and moves on to the page they came from. */
export function AuthCallbackPage() {
  usePageTitle('Signing in');
  const { error, signIn } = useAuth();
  if (!error) return <Loading label="Signing you in…" />;
  return (
    <div className="signin-page">
      <h1>Sign-in did not complete</h1>
      <div className="state state-error" role="alert"><p>{error.message}</p></div>
      <div className="signin-actions">
        <button type="button" className="primary" onClick={() => void signIn('/')}>Try again</button>
        <Link to="/">Keep shopping as a guest</Link>
      </div>
    </div>
  );
}
