import { Link } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { RequireAccount } from '../auth/RequireAccount';
import { usePageTitle } from '../ui/usePageTitle';
import { ContactForm } from './ContactForm';

/** The provider owns the password; the shop sends the shopper there and back here. */
const changePasswordUrl = `/identity/change-password?returnUrl=${encodeURIComponent('/account')}`;

export function AccountPage() {
  usePageTitle('Your account');
  return (
    <RequireAccount title="Your account" reason="Sign in to see your profile, contact details, orders and notifications.">
      <AccountDetails />
    </RequireAccount>
  );
}

function AccountDetails() {
  const { user, signOut } = useAuth();
  if (!user) return null;
  return (
    <div className="account-page">
      <h1>Your account</h1>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <dl className="profile">
          <dt>Name</dt><dd data-testid="profile-name">{user.name}</dd>
          <dt>E-mail</dt><dd data-testid="profile-email">{user.email ?? 'not given'}</dd>
          <dt>Account id</dt><dd className="mono">{user.sub}</dd>
          {user.roles.length > 0 && <><dt>Roles</dt><dd>{user.roles.join(', ')}</dd></>}
        </dl>
      </section>
      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">Contact</h2>
        <p className="hint">Where we send order updates and back-in-stock e-mails.</p>
        <ContactForm userId={user.sub} suggestedEmail={user.email} />
      </section>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <p><a href={changePasswordUrl}>Change your password</a></p>
      </section>
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">Your activity</h2>
        <ul>
          <li><Link to="/account/orders">Your orders</Link></li>
          <li><Link to="/account/notifications">Your notifications</Link></li>
        </ul>
      </section>
      <button type="button" className="secondary" onClick={() => void signOut()}>Sign out</button>
    </div>
  );
}
