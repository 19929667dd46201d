import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { highlight, mergeRanges } from './highlight';

const html = (text: string, ranges: [number, number][]) => render(<p>{highlight(text, ranges)}</p>).container.querySelector('p')!.innerHTML;

describe('highlight', () => {
  it('wraps each range in a mark and keeps the rest as text', () => {
    expect(html('The Pragmatic Programmer', [[4, 9], [14, 10]])).toBe('The <mark>Pragmatic</mark> <mark>Programmer</mark>');
  });

  it('merges overlapping and touching ranges into one mark, whatever their order', () => {
    expect(mergeRanges('abcdefghij', [[5, 2], [0, 3], [2, 2], [4, 1]])).toEqual([[0, 7]]);
    expect(html('abcdefghij', [[6, 2], [1, 3], [2, 1]])).toBe('a<mark>bcd</mark>ef<mark>gh</mark>ij');
  });

  it('reads offsets as UTF-16 code units and never splits a surrogate pair', () => {
    const text = 'Ōrleans 😀 Émigré';
    // "Émigré" starts after the emoji's two code units.
    expect(html(text, [[11, 6]])).toBe('Ōrleans 😀 <mark>Émigré</mark>');
    // A range that starts or ends inside the emoji is widened to the whole emoji.
    expect(mergeRanges(text, [[9, 1]])).toEqual([[8, 10]]);
    expect(mergeRanges(text, [[7, 2]])).toEqual([[7, 10]]);
  });

  it('clamps ranges to the text and drops empty or invalid ones', () => {
    expect(mergeRanges('short', [[3, 100], [-2, 3], [2, 0], [9, 2], [Number.NaN, 1]])).toEqual([[0, 1], [3, 5]]);
    expect(html('short', [])).toBe('short');
  });

  it('shows markup in the text as text, never as HTML', () => {
    expect(html('<b>bold</b> move', [[3, 4]])).toBe('&lt;b&gt;<mark>bold</mark>&lt;/b&gt; move');
  });
});
