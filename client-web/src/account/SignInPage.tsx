import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCart } from '../cart/CartContext';
import { Field } from '../checkout/Field';
import { useSession } from '../session/SessionContext';
import { userIdPattern } from '../session/storage';
import { usePageTitle } from '../ui/usePageTitle';

/** A name is enough until real authentication lands; signing in moves the guest cart into the user's. */
export function SignInPage() {
  usePageTitle('Sign in');
  const { user, signIn, signOut } = useSession();
  const { refresh } = useCart();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!userIdPattern.test(trimmed)) {
      setError('Use letters, digits, dots, dashes, underscores or @, starting with a letter or digit.');
      return;
    }
    setBusy(true);
    try {
      await signIn(trimmed);
      navigate('/basket');
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  if (user)
    return (
      <div className="signin-page">
        <h1>Signed in</h1>
        <p>You are signed in as <strong>{user}</strong>.</p>
        <button type="button" onClick={() => { signOut(); void refresh(); navigate('/'); }}>Sign out</button>
      </div>
    );
  return (
    <div className="signin-page">
      <h1>Sign in</h1>
      <form onSubmit={submit} noValidate>
        <Field id="username" label="Your name" value={name} onChange={(e) => setName(e.target.value)} error={error}
          autoComplete="username" hint="Books in your guest cart move into your account." required />
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </div>
  );
}
