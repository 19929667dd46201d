import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emptyCart, fakeApi, json } from '../test/fakeApi';
import { shopper } from '../test/fakeUserManager';
import { renderPage } from '../test/render';
import { ReviewsSection } from './ReviewsSection';

function review(overrides: Record<string, unknown> = {}) {
  return { id: 'r1', rating: 4, text: 'Solid advice.', reviewer: 'Bea', createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', verifiedPurchase: true, helpful: 2, ...overrides };
}

function answer(overrides: Record<string, unknown> = {}) {
  return { sku: 'BOOK-001', summary: { average: 4.25, count: 8, stars: [0, 1, 1, 2, 4] }, items: [review()], total: 1, page: 1, pageSize: 10, mine: null, canReview: false, ...overrides };
}

describe('ReviewsSection', () => {
  it('shows the average, the count and the spread, and each review with Verified purchase, as plain text', async () => {
    fakeApi({
      'GET /catalog/BOOK-001/reviews': () => answer({ items: [review({ text: '<img src=x onerror=alert(1)> Great\nSecond line' })] }),
      'GET /cart/.+': () => emptyCart('g'),
    });
    renderPage(<ReviewsSection sku="BOOK-001" />);

    expect(await screen.findByText('8 ratings')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Rated 4.3 out of 5' })).toBeInTheDocument();
    const bars = within(screen.getByRole('list', { name: 'Ratings by stars' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(bars).toEqual(['5 stars4 (50%)', '4 stars2 (25%)', '3 stars1 (13%)', '2 stars1 (13%)', '1 star0 (0%)']);
    const item = within(screen.getByRole('list', { name: 'Reviews' })).getByRole('listitem');
    expect(within(item).getByText('Verified purchase')).toBeInTheDocument();
    expect(item.querySelector('img')).toBeNull();
    expect(item.querySelector('.review-text')!.textContent).toBe('<img src=x onerror=alert(1)> Great\nSecond line');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('asks again sorted by most helpful, from page 1', async () => {
    const api = fakeApi({ 'GET /catalog/BOOK-001/reviews': () => answer({ total: 25 }), 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<ReviewsSection sku="BOOK-001" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Next →' }));
    await userEvent.click(screen.getByRole('button', { name: 'Most helpful' }));
    const asked = () => api.requests.map((r) => r.path).filter((p) => p.startsWith('/catalog'));
    await waitFor(() => expect(asked()).toContain('/catalog/BOOK-001/reviews?sort=helpful&page=1&pageSize=10'));
    expect(asked()).toEqual([
      '/catalog/BOOK-001/reviews?sort=newest&page=1&pageSize=10',
      '/catalog/BOOK-001/reviews?sort=newest&page=2&pageSize=10',
      '/catalog/BOOK-001/reviews?sort=helpful&page=1&pageSize=10',
    ]);
    expect(screen.getByRole('button', { name: 'Most helpful' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('lets a signed-in shopper mark someone else\'s review helpful once', async () => {
    const api = fakeApi({
      'GET /catalog/BOOK-001/reviews': () => answer(),
      'POST /reviews/r1/helpful': () => ({ helpful: 3 }),
      'GET /cart/.+': () => emptyCart('s'),
    });
    renderPage(<ReviewsSection sku="BOOK-001" />, { manager: shopper() });
    await userEvent.click(await screen.findByRole('button', { name: 'Helpful: review by Bea' }));
    expect(await screen.findByText('3 people found this helpful.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Helpful/ })).toBeDisabled();
    expect(api.requests.filter((r) => r.method === 'POST' && r.path === '/reviews/r1/helpful')).toHaveLength(1);
  });
});

describe('ReviewForm', () => {
  it('refuses a review without a rating, with the reason on the star group and focus on it', async () => {
    const api = fakeApi({ 'GET /catalog/BOOK-001/reviews': () => answer({ canReview: true }), 'GET /cart/.+': () => emptyCart('s') });
    renderPage(<ReviewsSection sku="BOOK-001" />, { manager: shopper() });
    await userEvent.click(await screen.findByRole('button', { name: 'Post review' }));

    const group = screen.getByRole('group', { name: 'Your rating' });
    expect(group).toHaveAccessibleDescription('Choose a rating from 1 to 5 stars.');
    expect(within(group).getByRole('radio', { name: '1 star' })).toHaveFocus();
    expect(api.requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('counts the characters and refuses a text over the limit or with control characters', async () => {
    fakeApi({ 'GET /catalog/BOOK-001/reviews': () => answer({ canReview: true }), 'GET /cart/.+': () => emptyCart('s') });
    renderPage(<ReviewsSection sku="BOOK-001" />, { manager: shopper() });
    const text = await screen.findByLabelText('Review text');
    await userEvent.click(screen.getByRole('radio', { name: '4 stars' }));

    await userEvent.click(text);
    await userEvent.paste('x'.repeat(4001));
    expect(screen.getByText('4,001 of 10–4,000 characters')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Post review' }));
    expect(text).toHaveAccessibleDescription('4,001 of 10–4,000 characters Keep the review to 4,000 characters or fewer (it has 4,001).');
    expect(text).toHaveFocus();

    await userEvent.clear(text);
    await userEvent.paste('  too short ');
    await userEvent.click(screen.getByRole('button', { name: 'Post review' }));
    expect(screen.getByText('Write a few words with your rating: at least 10 characters.')).toBeInTheDocument();

    await userEvent.clear(text);
    await userEvent.paste('bad\u0007bell rings');
    await userEvent.click(screen.getByRole('button', { name: 'Post review' }));
    expect(screen.getByText('The review contains characters that cannot be shown; please retype it.')).toBeInTheDocument();
  });

  it('posts the rating and the trimmed text, then shows the saved review for editing', async () => {
    let mine: ReturnType<typeof review> | null = null;
    const api = fakeApi({
      'GET /catalog/BOOK-001/reviews': () => answer({ canReview: true, mine }),
      'PUT /catalog/BOOK-001/reviews/mine': async (request) => {
        const body = await request.json() as { rating: number; text: string };
        mine = review({ id: 'mine-1', reviewer: 'Ana Reader', rating: body.rating, text: body.text, helpful: 0 });
        return json(mine, 201);
      },
      'GET /cart/.+': () => emptyCart('s'),
    });
    renderPage(<ReviewsSection sku="BOOK-001" />, { manager: shopper() });
    await userEvent.click(await screen.findByRole('radio', { name: '5 stars' }));
    await userEvent.type(screen.getByLabelText('Review text'), '  Changed how I work.  ');
    await userEvent.click(screen.getByRole('button', { name: 'Post review' }));

    expect(await screen.findByText('Thank you: your review is posted.')).toBeInTheDocument();
    expect(api.requests.find((r) => r.method === 'PUT')!.body).toEqual({ rating: 5, text: 'Changed how I work.' });
    expect(await screen.findByRole('button', { name: 'Save changes' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '5 stars' })).toBeChecked();
    expect(screen.getByLabelText('Review text')).toHaveValue('Changed how I work.');
  });

  it('shows the server\'s reasons: a field it refused, or that only buyers may review', async () => {
    let status = 422;
    fakeApi({
      'GET /catalog/BOOK-001/reviews': () => answer({ canReview: true }),
      'PUT /catalog/BOOK-001/reviews/mine': () => (status === 422
        ? json({ title: 'Validation', errors: { Text: ['The review must be plain text.'] } }, 422)
        : json({ detail: 'only shoppers who bought this book can review it' }, 403)),
      'GET /cart/.+': () => emptyCart('s'),
    });
    renderPage(<ReviewsSection sku="BOOK-001" />, { manager: shopper() });
    await userEvent.click(await screen.findByRole('radio', { name: '3 stars' }));
    await userEvent.type(screen.getByLabelText('Review text'), 'A fine book to read.');
    await userEvent.click(screen.getByRole('button', { name: 'Post review' }));
    expect(await screen.findByText('The review must be plain text.')).toBeInTheDocument();

    status = 403;
    await userEvent.click(screen.getByRole('button', { name: 'Post review' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('only shoppers who bought this book can review it');
  });

  it('deletes the shopper\'s own review after asking to confirm', async () => {
    let mine: ReturnType<typeof review> | null = review({ id: 'mine-1', reviewer: 'Ana Reader' });
    const api = fakeApi({
      'GET /catalog/BOOK-001/reviews': () => answer({ canReview: true, mine, items: mine ? [mine] : [], total: mine ? 1 : 0 }),
      'DELETE /catalog/BOOK-001/reviews/mine': () => { mine = null; return new Response(null, { status: 204 }); },
      'GET /cart/.+': () => emptyCart('s'),
    });
    renderPage(<ReviewsSection sku="BOOK-001" />, { manager: shopper() });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete review' }));
    expect(api.requests.some((r) => r.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));

    expect(await screen.findByText('Your review is deleted.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Post review' })).toBeInTheDocument();
    // Your own review has no Helpful button for you.
    expect(screen.queryByRole('button', { name: /^Helpful/ })).not.toBeInTheDocument();
  });
});
