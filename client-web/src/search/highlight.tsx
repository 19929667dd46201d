import type { ReactNode } from 'react';

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The ranges ([start, length] in UTF-16 code units, as the server sends them) made safe to cut the text with: clamped
 * to the text, widened so no surrogate pair is split, sorted, and overlapping or touching ranges merged into one.
 */
export type Ranges = readonly (readonly number[])[];

export function mergeRanges(text: string, ranges: Ranges): [number, number][] {
  const spans: [number, number][] = [];
  for (const [rawStart = Number.NaN, length = 0] of ranges) {
    if (!Number.isFinite(rawStart) || !Number.isFinite(length) || length <= 0) continue;
    let start = Math.max(0, Math.min(text.length, Math.trunc(rawStart)));
    let end = Math.max(start, Math.min(text.length, Math.trunc(rawStart + length)));
    if (start === end) continue;
    if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
    if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
    spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** The text with the matched ranges wrapped in <mark>, as React elements (the text is never parsed as HTML). */
export function highlight(text: string, ranges: Ranges | undefined): ReactNode[] {
  if (!ranges || ranges.length === 0) return [text];
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of mergeRanges(text, ranges)) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
