import { useState } from 'react';
import { api, call } from '../api/client';
import { useAuth } from '../auth/AuthContext';

/** A sold-out book explains itself and offers an e-mail when it returns. */
export function BackInStock({ sku }: { sku: string }) {
  const { user, signIn } = useAuth();
  const [state, setState] = useState<'idle' | 'sending' | 'done' | string>('idle');
  async function subscribe() {
    // The e-mail goes to an account's contact address, so a guest signs in first and comes back to this book.
    if (!user) {
      void signIn();
      return;
    }
    setState('sending');
    try {
      await call(api.POST('/notifications/{userId}/back-in-stock', { params: { path: { userId: user.sub } }, body: { sku } }));
      setState('done');
    } catch (e) {
      setState((e as Error).message);
    }
  }
  return (
    <div className="back-in-stock">
      <p>This book is sold out: every copy is sold or held by an order in progress.</p>
      {state === 'done'
        ? <p role="status">We will e-mail you when it is back in stock.</p>
        : <button type="button" onClick={subscribe} disabled={state === 'sending'}>{user ? 'Tell me when it is back' : 'Sign in to be told when it is back'}</button>}
      {state !== 'idle' && state !== 'sending' && state !== 'done' && <p className="field-error" role="alert">{state}</p>}
    </div>
  );
}
