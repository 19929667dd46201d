import { useEffect, useState, type FormEvent } from 'react';
import { api, call } from '../api/client';
import { Field } from '../checkout/Field';
import { ErrorNotice, Loading } from '../ui/StateViews';
import { useAsync } from '../ui/useAsync';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+[0-9]{8,15}$/;

/** Where the shop writes to the shopper (order and stock e-mails, texts): the notification service's contact for this account. */
export function ContactForm({ userId, suggestedEmail }: { userId: string; suggestedEmail: string | null }) {
  const contact = useAsync(() => call(api.GET('/notifications/{userId}/contact', { params: { path: { userId } } }))
    .catch((e: { status?: number }) => {
      // No contact saved yet is an empty form, not an error.
      if (e.status === 404) return { email: null, phone: null };
      throw e;
    }), [userId]);
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<{ email?: string; phone?: string }>({});
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [failure, setFailure] = useState<Error | null>(null);

  useEffect(() => {
    if (contact.status !== 'ready') return;
    setEmail(contact.data.email ?? suggestedEmail ?? '');
    setPhone(contact.data.phone ?? '');
  }, [contact.status, contact.data, suggestedEmail]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const cleanPhone = phone.replace(/[\s-]/g, '');
    const found = {
      email: emailPattern.test(email.trim()) ? undefined : 'Enter an e-mail address like name@example.com.',
      phone: !cleanPhone || phonePattern.test(cleanPhone) ? undefined : 'Enter the phone number with its country code, like +34600111222, or leave it empty.',
    };
    setErrors(found);
    if (found.email || found.phone) return;
    setSaved('saving');
    setFailure(null);
    try {
      await call(api.PUT('/notifications/{userId}/contact', { params: { path: { userId } }, body: { email: email.trim(), phone: cleanPhone || null } }));
      setSaved('saved');
    } catch (e) {
      setFailure(e as Error);
      setSaved('idle');
    }
  }

  if (contact.status === 'loading' && !contact.data) return <Loading label="Loading your contact details…" />;
  if (contact.status === 'error') return <ErrorNotice error={contact.error} onRetry={contact.reload} />;
  return (
    <form onSubmit={submit} noValidate aria-label="Contact details">
      <Field id="contact-email" label="E-mail for notifications" type="email" autoComplete="email" value={email}
        onChange={(e) => { setEmail(e.target.value); setSaved('idle'); }} error={errors.email} required />
      <Field id="contact-phone" label="Phone (optional)" type="tel" autoComplete="tel" value={phone}
        onChange={(e) => { setPhone(e.target.value); setSaved('idle'); }} error={errors.phone} />
      <button type="submit" className="primary" disabled={saved === 'saving'}>{saved === 'saving' ? 'Saving…' : 'Save contact details'}</button>
      {saved === 'saved' && <p className="notice notice-ok" role="status">Saved.</p>}
      {failure && <ErrorNotice error={failure} />}
    </form>
  );
}
