import type { ReactNode } from 'react';
import { highlight, type Ranges } from './highlight';

const before = 50;
const length = 160;

const isLow = (text: string, at: number) => { const c = text.charCodeAt(at); return c >= 0xdc00 && c <= 0xdfff; };

/** A short passage of a long text around its first match, with the matches in it marked. */
export function snippet(text: string, ranges: Ranges): ReactNode[] {
  const first = Math.min(...ranges.map(([start = 0]) => start));
  let start = Math.max(0, Math.min(first - before, text.length - length));
  if (start > 0 && isLow(text, start)) start--;
  let end = Math.min(text.length, start + length);
  if (end < text.length && isLow(text, end)) end++;
  const shifted = ranges.map(([s = 0, l = 0]) => [s - start, l]);
  return [start > 0 ? '…' : '', ...highlight(text.slice(start, end), shifted), end < text.length ? '…' : ''];
}
