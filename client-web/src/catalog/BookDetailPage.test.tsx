import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { book, emptyCart, fakeApi, json } from '../test/fakeApi';
import { renderPage } from '../test/render';
import { BookDetailPage } from './BookDetailPage';

const at = { route: '/books/BOOK-001', path: '/books/:sku' };

describe('BookDetailPage', () => {
  it('shows the book with its author, description and stock', async () => {
    fakeApi({ 'GET /catalog/BOOK-001': () => book(), 'GET /cart/.+': () => emptyCart('g'), 'GET /recommendations': () => ({ strategy: 'related', recommendations: [] }) });
    renderPage(<BookDetailPage />, at);
    expect(await screen.findByRole('heading', { level: 1, name: 'Clean Code' })).toBeInTheDocument();
    expect(screen.getByText('by Robert C. Martin')).toBeInTheDocument();
    expect(screen.getByText('12 in stock')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Cover of Clean Code' })).toHaveAttribute('src', '/covers/BOOK-001.svg');
  });

  it('explains a sold-out book and offers a back-in-stock e-mail instead of the cart button', async () => {
    fakeApi({ 'GET /catalog/BOOK-001': () => book({ stock: 0 }), 'GET /cart/.+': () => emptyCart('g'), 'GET /recommendations': () => ({ strategy: 'related', recommendations: [] }) });
    renderPage(<BookDetailPage />, at);
    expect(await screen.findByText(/This book is sold out/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tell me when it is back' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add to cart' })).not.toBeInTheDocument();
  });

  it('says when there is no such book', async () => {
    fakeApi({ 'GET /catalog/BOOK-001': () => json({ error: 'not found', detail: 'not found' }, 404), 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<BookDetailPage />, at);
    expect(await screen.findByRole('heading', { name: 'Book not found' })).toBeInTheDocument();
  });
});
