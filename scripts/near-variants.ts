/**
 * Near-identical variants of a report, made the way copies of one article differ in the wild:
 * a new headline, a paragraph dropped, a few typos, other boilerplate at the end, another byline.
 * Deterministic (seeded), for tests/unit/near-duplicate.test.ts and `scripts/bench-near.ts`.
 */

export type VariantKind = 'headline' | 'drop-paragraph' | 'typos' | 'boilerplate' | 'byline' | 'all-but-drop';
export const VARIANT_KINDS: VariantKind[] = ['headline', 'drop-paragraph', 'typos', 'boilerplate', 'byline', 'all-but-drop'];

const HEADLINES = [
  'Talks resume as officials weigh the next steps',
  'What we know so far about the latest developments',
  'Officials react to the news as questions remain',
];
const BOILERPLATE = [
  'Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.',
  'Sign up for our morning newsletter to get the day’s top stories delivered to your inbox. Follow us on Facebook and Twitter for more updates. Have a news tip? Email our newsroom.',
  'Reporting by our correspondents; editing by the world desk. Our standards: the Trust Principles. Additional reporting contributed by agencies.',
];
const BYLINES = ['By Anna Novak, Staff Reporter', 'From our correspondent in the region | Updated 3 hours ago', 'By Wire Staff — Syndicated'];

/** A small deterministic generator (mulberry32): the same seed gives the same variant everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const paragraphsOf = (text: string): string[] => text.split(/\n\s*/).map((p) => p.trim()).filter(Boolean);

/** The first paragraph replaced when it reads as a headline (short), else a headline put before it. */
function newHeadline(text: string, seed: number): string {
  const ps = paragraphsOf(text);
  const headline = HEADLINES[seed % HEADLINES.length]!;
  const rest = ps[0]!.split(/\s+/).length <= 20 ? ps.slice(1) : ps;
  return [headline, ...rest].join('\n\n');
}

/** One paragraph from the middle taken out; null when the text has fewer than 4 paragraphs. */
function dropParagraph(text: string): string | null {
  const ps = paragraphsOf(text);
  if (ps.length < 4) return null;
  const at = Math.floor(ps.length / 2);
  return [...ps.slice(0, at), ...ps.slice(at + 1)].join('\n\n');
}

/** Three words of 5+ letters, each with two inner letters swapped ("goverment"-style slips). */
function typos(text: string, seed: number): string {
  const rnd = random(seed);
  const words = [...text.matchAll(/\b[a-z]{5,}\b/g)];
  const picked = new Set<number>();
  while (picked.size < Math.min(3, words.length)) picked.add(Math.floor(rnd() * words.length));
  let out = text;
  for (const i of [...picked].sort((a, b) => b - a)) {
    const m = words[i]!;
    const w = m[0];
    const swapped = w.charAt(0) + w.charAt(2) + w.charAt(1) + w.slice(3);
    out = out.slice(0, m.index) + swapped + out.slice(m.index! + w.length);
  }
  return out;
}

const boilerplate = (text: string, seed: number) => `${text}\n\n${BOILERPLATE[seed % BOILERPLATE.length]}`;
const byline = (text: string, seed: number) => `${BYLINES[seed % BYLINES.length]}\n\n${text}`;

/** The variant of one kind; null when the text cannot have it (too few paragraphs to drop one). */
export function variant(text: string, kind: VariantKind, seed = 1): string | null {
  switch (kind) {
    case 'headline':
      return newHeadline(text, seed);
    case 'drop-paragraph':
      return dropParagraph(text);
    case 'typos':
      return typos(text, seed);
    case 'boilerplate':
      return boilerplate(text, seed);
    case 'byline':
      return byline(text, seed);
    case 'all-but-drop':
      return byline(boilerplate(typos(newHeadline(text, seed), seed), seed), seed);
  }
}
