import { useState } from 'react';
import { api, call } from '../api/client';
import { useSession } from '../session/SessionContext';

/** A sold-out book explains itself and offers an e-mail when it returns. */
export function BackInStock({ sku }: { sku: string }) {
  const { shopperId } = useSession();
  const [state, setState] = useState<'idle' | 'sending' | 'done' | string>('idle');
  async function subscribe() {
    setState('sending');
    try {
      await call(api.POST('/notifications/{userId}/back-in-stock', { params: { path: { userId: shopperId } }, body: { sku } }));
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
        : <button type="button" onClick={subscribe} disabled={state === 'sending'}>Tell me when it is back</button>}
      {state !== 'idle' && state !== 'sending' && state !== 'done' && <p className="field-error" role="alert">{state}</p>}
    </div>
  );
}
