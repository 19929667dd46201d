import type { HighlightField, SearchHit } from '../api/discovery';
import { BookCard } from '../catalog/BookCard';
import { highlight } from './highlight';
import { snippet } from './snippet';

const fieldLabels: Partial<Record<string, string>> = { isbn: 'ISBN', sku: 'SKU', subtitle: 'Subtitle' };

/** A book in the results, its matched words marked wherever they matched (title, author, description, tags, codes). */
export function SearchHitCard({ hit }: { hit: SearchHit }) {
  const { product } = hit;
  const ranges = (field: HighlightField) => hit.highlights.find((h) => h.field === field)?.ranges;
  const description = ranges('description');
  const tags = hit.highlights.filter((h) => h.field === 'tags' && h.value);
  const codes = hit.highlights.filter((h) => h.field === 'isbn' || h.field === 'sku' || h.field === 'subtitle');
  const value = (field: string) => (field === 'isbn' ? product.isbn : field === 'sku' ? product.sku
    : (product as { subtitle?: string | null }).subtitle) ?? '';

  const details = (
    <>
      {codes.map((h) => value(h.field) && (
        <p key={h.field} className="match-line">{fieldLabels[h.field]}: {highlight(value(h.field), h.ranges)}</p>
      ))}
      {tags.length > 0 && <p className="match-line">Tags: {tags.map((h) => <span key={h.value} className="chip">{highlight(h.value!, h.ranges)}</span>)}</p>}
      {description && product.description && <p className="match-line snippet">{snippet(product.description, description)}</p>}
    </>
  );
  return (
    <BookCard book={product} rating={hit.rating}
      match={{ title: highlight(product.title, ranges('title')), author: product.author && highlight(product.author, ranges('author')), details }} />
  );
}
