import { api, call, type Product } from '../api/client';
import type { Shelf } from '../api/discovery';
import { discovery } from '../api/discovery';
import { useAuth } from '../auth/AuthContext';
import { CoverList } from '../catalog/CoverList';
import { useAsync } from '../ui/useAsync';
import { recentlyViewed } from './recentlyViewed';

/** The guest's recently viewed books, from this browser's list; books the shop no longer has are left out. */
async function localShelf(): Promise<Shelf | null> {
  const skus = recentlyViewed();
  if (skus.length === 0) return null;
  const books = await Promise.all(skus.map((sku) =>
    call(api.GET('/catalog/{id}', { params: { path: { id: sku } } })).catch(() => null)));
  const items = books.filter((b): b is Product => b !== null);
  return items.length === 0 ? null : { id: 'recently-viewed', title: 'Recently viewed', reason: 'Books you looked at on this device', items };
}

/**
 * The home page's shelves, in the shop's order, each with why it is there; the shop sends only shelves it has enough
 * books for. A guest's recently viewed shelf comes from this browser and goes first.
 */
export function HomeShelves() {
  const { status, user } = useAuth();
  const guest = status === 'ready' && user === null;
  // Asked once the page knows who is shopping, so a signed-in shopper's shelves are not preceded by a guest's.
  const shelves = useAsync(() => (status === 'ready' ? discovery.shelves() : Promise.resolve({ shelves: [] })), [status, user?.sub]);
  const local = useAsync(() => (guest ? localShelf() : Promise.resolve(null)), [guest]);

  // Shelves are extra: while they load or if they fail, the catalog below is the page.
  const all = [
    ...(local.status === 'ready' && local.data ? [local.data] : []),
    ...(shelves.status === 'ready' ? shelves.data.shelves.filter((s) => s.items.length > 0) : []),
  ];
  if (all.length === 0) return null;
  return (
    <div className="shelves">
      {all.map((shelf) => (
        <section key={shelf.id} className="recommendations shelf" aria-labelledby={`shelf-${shelf.id}`}>
          <h2 id={`shelf-${shelf.id}`}>{shelf.title}</h2>
          <p className="shelf-reason">{shelf.reason}</p>
          <CoverList books={shelf.items} />
        </section>
      ))}
    </div>
  );
}
