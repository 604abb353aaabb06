/**
 * Text utilities shared by the corpus build, the matcher and the stance engine.
 * Pure functions, no DOM, no browser APIs.
 */

/** Normalise typographic quotes/dashes so that “Zelenskyy’s” and "Zelenskyy's" compare equal. */
export function normalizeQuotes(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00A0/g, ' ');
}

/** Lower-case, strip diacritics, normalise quotes. Used for comparing surface forms. */
export function fold(s: string): string {
  // Plain ASCII has no typographic quotes or diacritics: lower-casing is all (the matcher's hot path).
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return normalizeQuotes(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const ABBREVIATIONS = /\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|St|Jr|Sr|Inc|Ltd|Co|Corp|vs|No|U\.S|U\.K|U\.N|e\.g|i\.e|a\.m|p\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/i;

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Split text into sentences with their character offsets. Handles abbreviations such as
 * "U.S." and "Mr." and quotes that close after the full stop.
 */
/** Initials before a name ("D.A. Davidson"), not an abbreviation that ends a sentence ("… D.C. The mayor"). */
function initialsBeforeName(before: string, next: string): boolean {
  return /(?:^|\s)(?:[A-Z]\.){2,}$/.test(before) && !STOP_WORDS.has(fold(/^[\p{L}']+/u.exec(next)?.[0] ?? ''));
}

export function splitSentencesWithOffsets(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const re = /[.!?…]+["'”’)\]]*(?=\s+|$)|\n\s*\n|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    const isNewline = m[0].includes('\n');
    if (!isNewline) {
      // Do not split after an abbreviation ("U.S. President", "Mr. Zelenskyy") or initials ("J. Smith", "D.A. Davidson").
      const before = text.slice(start, m.index + 1);
      const next = text.slice(end).trimStart();
      if (next && (ABBREVIATIONS.test(before) || /(?:^|\s)[A-Z]\.$/.test(before) || initialsBeforeName(before, next) || /^[a-z]/.test(next))) continue;
    }
    pushSpan(out, text, start, isNewline ? m.index : end);
    start = end;
  }
  if (start < text.length) pushSpan(out, text, start, text.length);
  return out;
}

function pushSpan(out: SentenceSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}

export function splitSentences(text: string): string[] {
  return splitSentencesWithOffsets(text).map((s) => s.text);
}

export const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are aren as at be because been before being below between both but by ' +
    'can cannot could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just let me more most my myself nor of off on once only or other ought our ours ourselves ' +
    'out over own same she should so some such than that the their theirs them themselves then there these they this those through to too ' +
    'under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say told according also one two new like get got may might must us its s t re ve ll d m mr mrs ms'
  ).split(' '),
);

/** Negators kept out of STOP_WORDS on purpose: stance depends on them. */
export const NEGATORS = new Set([
  'not', 'no', 'never', 'none', 'nor', 'neither', 'nothing', 'nobody', "n't", 'without', 'cannot', 'deny', 'denies', 'denied',
]);

/** Word tokens, lower-cased and folded; keeps numbers ("90", "3-year-old" -> "3", "year", "old"). */
export function tokenize(text: string): string[] {
  const t = fold(text).replace(/n't\b/g, ' not').replace(/'s\b/g, '');
  return t.match(/[a-z0-9]+(?:\.[0-9]+)?/g) ?? [];
}

/** Light English stemmer (Porter-like suffix stripping, enough to join inflections). */
export function stem(w: string): string {
  if (w.length <= 3 || /^\d/.test(w)) return w;
  let s = w;
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith('ed') && s.length > 4) s = s.slice(0, -2);
  else if (s.endsWith('ly') && s.length > 5) s = s.slice(0, -2);
  if (s.endsWith('ment') && s.length > 7) s = s.slice(0, -4);
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  return s;
}

/** Content tokens: tokenized, stop words removed, stemmed. */
export function contentTokens(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (STOP_WORDS.has(t)) continue;
    out.push(stem(t));
  }
  return out;
}

/** FNV-1a 32-bit hash: stable ids for seed reports and feature hashing. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Weekday names, Monday first (ISO order). */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Month names, January first (index = JavaScript month number). */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
