import type { Product, ProductInput } from '../api/client';

/** What the product form edits: every field as typed, converted to the API's body on save. */
export interface ProductFields {
  sku: string;
  title: string;
  author: string;
  price: string;
  stock: string;
  tags: string;
  description: string;
  isbn: string;
  publishedYear: string;
}

export const emptyProduct: ProductFields = { sku: '', title: '', author: '', price: '', stock: '0', tags: '', description: '', isbn: '', publishedYear: '' };

export function fieldsOf(p: Product): ProductFields {
  return {
    sku: p.sku, title: p.title, author: p.author ?? '', price: String(p.price), stock: String(p.stock), tags: p.tags.join(', '),
    description: p.description ?? '', isbn: p.isbn ?? '', publishedYear: p.publishedYear ? String(p.publishedYear) : '',
  };
}

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** The request body; the server validates every field and answers which are wrong, so nothing is second-guessed here. */
export function toRequest(f: ProductFields, imageUrl: string | null = null): ProductInput {
  return {
    sku: f.sku.trim(), title: f.title.trim(), author: f.author.trim() || null, price: numberOrNull(f.price),
    stock: numberOrNull(f.stock), tags: f.tags.split(',').map((t) => t.trim()).filter(Boolean),
    description: f.description.trim() || null, isbn: f.isbn.trim() || null, publishedYear: numberOrNull(f.publishedYear), imageUrl,
  };
}
