/** When two reports are the same report: same normalised text, or same URL (ignoring fragment, tracking and case of host). */
import { fold, hash32 } from '../text';

/** The text as lower-case words without diacritics: spacing, quotes and punctuation do not count. */
export function foldedWords(text: string): string[] {
  const folded = fold(text);
  // in plain ASCII the letters and digits are these, and matching them is faster (FNC-1 bodies: 93 ms, not 143)
  return (/^[\x00-\x7f]*$/.test(folded) ? folded.match(/[a-z0-9]+/g) : folded.match(/[\p{L}\p{N}]+/gu)) ?? [];
}

/** 64-bit hash (hex) of the text's folded words. */
export function textKey(text: string): string {
  return textKeyOfWords(foldedWords(text));
}

/** The same from the text's folded words. */
export function textKeyOfWords(folded: string[]): string {
  const words = folded.join(' ');
  return hash32(words).toString(16).padStart(8, '0') + hash32('\u0001' + words).toString(16).padStart(8, '0');
}

/** The URL as an identity: http(s) only, no fragment, no utm_* parameters, no trailing slash; null if not a web URL. */
export function urlKey(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (!/^https?:$/.test(u.protocol)) return null;
  u.hash = '';
  for (const k of [...u.searchParams.keys()]) if (/^utm_|^fbclid$|^gclid$/.test(k)) u.searchParams.delete(k);
  return (u.host.toLowerCase() + u.pathname.replace(/\/+$/, '') + (u.search === '?' ? '' : u.search)).replace(/^www\./, '');
}
