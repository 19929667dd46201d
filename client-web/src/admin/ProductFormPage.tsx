import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, call, type Product } from '../api/client';
import { Field } from '../checkout/Field';
import { ErrorNotice, Loading } from '../ui/StateViews';
import { useAsync } from '../ui/useAsync';
import { usePageTitle } from '../ui/usePageTitle';
import { emptyProduct, fieldsOf, toRequest, type ProductFields } from './productForm';

export function ProductFormPage() {
  const { sku } = useParams();
  const existing = useAsync(() => (sku ? call(api.GET('/products/{id}', { params: { path: { id: sku } } })) : Promise.resolve(null)), [sku]);
  if (existing.status === 'loading') return <Loading />;
  if (existing.status === 'error') return <ErrorNotice error={existing.error} onRetry={existing.reload} />;
  return <ProductForm key={sku ?? 'new'} product={existing.data} />;
}

function ProductForm({ product }: { product: Product | null }) {
  usePageTitle(product ? `Admin · Edit ${product.title}` : 'Admin · New book');
  const navigate = useNavigate();
  const created = (useLocation().state as { created?: string } | null)?.created;
  const [fields, setFields] = useState<ProductFields>(product ? fieldsOf(product) : emptyProduct);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(created ? `Created ${created}; it is in the catalog now.` : null);
  const [busy, setBusy] = useState(false);

  const bind = (key: keyof ProductFields) => ({
    id: `product-${key}`, value: fields[key], error: errors[key],
    onChange: (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value })),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const body = toRequest(fields, product?.imageUrl ?? null);
      const saved = product
        ? await call(api.PUT('/products/{id}', { params: { path: { id: product.id } }, body }))
        : await call(api.POST('/products', { body }));
      if (product) setMessage('Saved.');
      else navigate(`/admin/products/${encodeURIComponent(saved.sku)}`, { replace: true, state: { created: saved.sku } });
    } catch (e) {
      const fieldErrors = e instanceof ApiError ? e.fields : {};
      setErrors(Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v.join(' ')])));
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <h1>{product ? `Edit ${product.title}` : 'New book'}</h1>
      <form className="product-form" onSubmit={submit} noValidate>
        <Field label="SKU" required {...bind('sku')} hint="Letters, digits, '.', '_' or '-', e.g. BOOK-200." />
        <Field label="Title" required {...bind('title')} />
        <Field label="Author" {...bind('author')} />
        <Field label="Price (USD)" inputMode="decimal" required {...bind('price')} />
        <Field label="Stock" inputMode="numeric" {...bind('stock')} hint={product ? 'Stock is managed on the Stock page once a book exists.' : undefined} />
        <Field label="Tags (comma separated)" {...bind('tags')} />
        <Field label="ISBN" {...bind('isbn')} />
        <Field label="Published year" inputMode="numeric" {...bind('publishedYear')} />
        <div className="field">
          <label htmlFor="product-description">Description</label>
          <textarea id="product-description" rows={4} value={fields.description} onChange={(e) => setFields((f) => ({ ...f, description: e.target.value }))} />
        </div>
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : product ? 'Save changes' : 'Create book'}</button>
        {message && <p role={Object.keys(errors).length ? 'alert' : 'status'} className={Object.keys(errors).length ? 'field-error' : ''}>{message}</p>}
      </form>
      <p><Link to="/admin/products">Back to products</Link></p>
    </div>
  );
}
