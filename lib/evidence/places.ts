/**
 * Place containment from the generated gazetteer (Paris → France → Europe, Kyiv → Ukraine), and
 * finding gazetteer places in a sentence. Pure.
 */
import { fold } from '../text';
import gazetteer from './gazetteer.json';

const PARENT: Record<string, string> = (gazetteer as { parent: Record<string, string> }).parent;

/** The key a place is known by: folded, words joined by '-' ("Palm Beach" → "palm-beach"). */
export function placeKey(name: string): string {
  return fold(name)
    .replace(/['`\u02b9\u02bc]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Common other names of countries, mapped to the gazetteer's key. */
const COUNTRY_ALIASES: Record<string, string> = {
  us: 'united-states', 'u-s': 'united-states', usa: 'united-states', america: 'united-states', 'united-states-of-america': 'united-states',
  uk: 'united-kingdom', 'u-k': 'united-kingdom', britain: 'united-kingdom', 'great-britain': 'united-kingdom', england: 'united-kingdom',
  kiev: 'kyiv', kharkov: 'kharkiv', odessa: 'odesa', dnipro: 'dnipropetrovsk', zaporizhzhia: 'zaporizhzhya', mykolaiv: 'mykolayiv', 'washington-d-c': 'washington', 'washington-dc': 'washington',
};

/** Places whose gazetteer entry is missing or ambiguous in the source data. */
const EXTRA_PARENT: Record<string, string> = { washington: 'united-states', odesa: 'ukraine', donbas: 'ukraine', 'palm-beach': 'florida', 'mar-a-lago': 'palm-beach' };

export function canonicalPlace(key: string): string {
  return COUNTRY_ALIASES[key] ?? key;
}

export function isPlace(key: string): boolean {
  const k = canonicalPlace(key);
  return k in PARENT || k in EXTRA_PARENT;
}

export function placeParent(key: string): string | undefined {
  const k = canonicalPlace(key);
  return EXTRA_PARENT[k] ?? PARENT[k];
}

/** The place and every place containing it, nearest first. */
export function ancestors(key: string): string[] {
  const out = [canonicalPlace(key)];
  for (let p = placeParent(out[0]!); p && out.length < 6 && !out.includes(p); p = placeParent(p)) out.push(p);
  return out;
}

export function placesCompatible(a: string, b: string): boolean {
  return ancestors(a).includes(canonicalPlace(b)) || ancestors(b).includes(canonicalPlace(a));
}

/** Country adjectives as used in news ("Ukrainian", "Russian", "German") → country key. */
export function demonymPlace(word: string): string | undefined {
  const w = fold(word);
  for (const c of [w.replace(/ian$/, 'e'), w.replace(/ian$/, 'ia'), w.replace(/an$/, 'a'), w.replace(/an$/, ''), w.replace(/n$/, ''), w + 'y', w.replace(/ese$/, 'a')]) {
    if (c !== w && c.length > 3 && isPlace(c)) return canonicalPlace(c);
  }
  return { french: 'france', british: 'united-kingdom', dutch: 'netherlands', american: 'united-states', swiss: 'switzerland' }[w];
}

export interface PlaceHit {
  key: string;
  text: string;
  start: number;
}

const CAPITALISED = /\b(?:[A-Z][\p{L}'’-]*|U\.S\.|U\.K\.)(?:\s+(?:of\s+)?(?:[A-Z][\p{L}'’-]*))*/gu;

/** Gazetteer places named in a sentence (capitalised word runs, longest known prefix first). */
export function findPlaces(sentence: string): PlaceHit[] {
  const out: PlaceHit[] = [];
  for (const m of sentence.matchAll(CAPITALISED)) {
    const words = m[0].split(/\s+/);
    let offset = m.index!;
    for (let i = 0; i < words.length; ) {
      let took = 0;
      for (let n = Math.min(4, words.length - i); n >= 1; n--) {
        const text = words.slice(i, i + n).join(' ').replace(/['’]s$/, '');
        const key = canonicalPlace(placeKey(text));
        if (isPlace(key)) {
          out.push({ key, text, start: offset });
          took = n;
          break;
        }
      }
      const step = Math.max(1, took);
      for (let k = 0; k < step; k++) offset += words[i + k]!.length + 1;
      i += step;
    }
  }
  return out;
}
