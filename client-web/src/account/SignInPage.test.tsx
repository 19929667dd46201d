import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emptyCart, fakeApi } from '../test/fakeApi';
import { renderPage } from '../test/render';
import { SignInPage } from './SignInPage';

describe('SignInPage', () => {
  it('merges the guest cart into the named user\'s and remembers the name', async () => {
    const api = fakeApi({ 'GET /cart/.+': () => emptyCart('g'), 'POST /cart/ana/merge': () => emptyCart('ana') });
    renderPage(<SignInPage />);
    const guest = localStorage.getItem('k8shop.guestId');

    await userEvent.type(screen.getByLabelText('Your name'), 'ana{Enter}');

    await waitFor(() => expect(localStorage.getItem('k8shop.user')).toBe('ana'));
    expect(guest).toMatch(/^guest-/);
    expect(api.requests.find((r) => r.path === '/cart/ana/merge')?.body).toEqual({ guestId: guest });
  });

  it('explains a name the shop cannot use, before sending it', async () => {
    const api = fakeApi({ 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<SignInPage />);
    await userEvent.type(screen.getByLabelText('Your name'), 'Ana López{Enter}');
    expect(screen.getByLabelText('Your name')).toHaveAccessibleDescription(/Use letters, digits/);
    expect(api.requests.some((r) => r.path.includes('merge'))).toBe(false);
  });
});
