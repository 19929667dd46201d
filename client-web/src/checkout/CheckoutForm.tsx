import { useRef, useState, type FormEvent } from 'react';
import { Field } from './Field';
import { emptyDetails, validateCheckout, type CheckoutDetails, type CheckoutErrors } from './validation';

interface Props {
  busy: boolean;
  initialEmail?: string;
  onSubmit(details: CheckoutDetails): void;
}

/** Contact, shipping and card details; on a bad submit, focus goes to the first field to fix. */
export function CheckoutForm({ busy, initialEmail = '', onSubmit }: Props) {
  const [details, setDetails] = useState<CheckoutDetails>(() => ({ ...emptyDetails, email: initialEmail }));
  const [errors, setErrors] = useState<CheckoutErrors>({});
  const form = useRef<HTMLFormElement>(null);

  const bind = (key: keyof CheckoutDetails) => ({
    id: key, value: details[key], error: errors[key],
    onChange: (e: { target: { value: string } }) => setDetails((d) => ({ ...d, [key]: e.target.value })),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateCheckout(details);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      form.current?.querySelector<HTMLInputElement>(`#${first}`)?.focus();
      return;
    }
    onSubmit(details);
  }

  return (
    <form ref={form} className="checkout-form" onSubmit={submit} noValidate aria-label="Checkout details">
      <fieldset disabled={busy}>
        <legend>Contact</legend>
        <Field label="Full name" autoComplete="name" required {...bind('name')} />
        <Field label="E-mail" type="email" autoComplete="email" required hint="We send the order confirmation here." {...bind('email')} />
        <Field label="Phone (optional)" type="tel" autoComplete="tel" {...bind('phone')} />
      </fieldset>
      <fieldset disabled={busy}>
        <legend>Shipping address</legend>
        <Field label="Street address" autoComplete="street-address" required {...bind('address')} />
        <Field label="City" autoComplete="address-level2" required {...bind('city')} />
        <Field label="Postal code" autoComplete="postal-code" required {...bind('postalCode')} />
        <Field label="Country" autoComplete="country-name" required {...bind('country')} />
      </fieldset>
      <fieldset disabled={busy}>
        <legend>Payment</legend>
        <p className="hint" id="test-cards">Test cards: 4242 4242 4242 4242 is accepted; 4000 0000 0000 0002 is declined.</p>
        <Field label="Card number" inputMode="numeric" autoComplete="cc-number" required aria-describedby="test-cards" {...bind('cardNumber')} />
        <div className="field-pair">
          <Field label="Expiry (MM/YY)" autoComplete="cc-exp" required placeholder="MM/YY" {...bind('expiry')} />
          <Field label="Security code" inputMode="numeric" autoComplete="cc-csc" required {...bind('cvc')} />
        </div>
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>{busy ? 'Placing your order…' : 'Place order'}</button>
    </form>
  );
}
