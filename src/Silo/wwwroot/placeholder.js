const books = document.getElementById('books');
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
async function show(q) {
  const response = await fetch('/catalog?sort=title' + (q ? '&q=' + encodeURIComponent(q) : ''));
  const { items } = await response.json();
  books.replaceChildren(...items.map(book => {
    const card = document.createElement('article');
    const img = Object.assign(document.createElement('img'), { src: book.coverUrl, alt: book.title, loading: 'lazy' });
    const title = Object.assign(document.createElement('h2'), { textContent: book.title });
    const meta = Object.assign(document.createElement('p'), { textContent: `${book.author ?? ''} · ${money.format(book.price)} · ${book.stock} in stock` });
    card.append(img, title, meta);
    return card;
  }));
}
document.getElementById('q').addEventListener('input', e => show(e.target.value.trim()));
document.querySelector('form').addEventListener('submit', e => e.preventDefault());
show('');
