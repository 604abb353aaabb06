/**
 * Term dictionary: people, places, organisations and key phrases of a set of reports, with
 * aliases. Entities come from compromise's named-entity tagger; aliases come from rules
 * (surnames, transliteration variants, inflections, titles stripped) plus a short table of
 * abbreviations that no tagger can infer (U.S. = United States).
 */
import nlp from 'compromise';
import { fold, normalizeQuotes, stem, STOP_WORDS } from '../text';

export type TermKind = 'person' | 'place' | 'organization' | 'topic';

export interface Term {
  id: string;
  label: string;
  kind: TermKind;
  aliases: string[];
}

/** Abbreviations and exonyms a tagger cannot infer. Keys are canonical labels. */
export const KNOWN_EQUIVALENTS: Record<string, { kind: TermKind; aliases: string[] }> = {
  'United States': { kind: 'place', aliases: ['U.S.', 'US', 'USA', 'U.S.A.', 'America'] },
  'United Kingdom': { kind: 'place', aliases: ['UK', 'U.K.', 'Britain', 'Great Britain'] },
  'European Union': { kind: 'organization', aliases: ['EU', 'E.U.'] },
  NATO: { kind: 'organization', aliases: ['North Atlantic Treaty Organization', 'Nato'] },
  Kyiv: { kind: 'place', aliases: ['Kiev'] },
  'White House': { kind: 'organization', aliases: [] },
  'United Nations': { kind: 'organization', aliases: ['UN', 'U.N.'] },
};

const TITLE_WORDS = new Set(
  ('president former vice prime minister secretary state mr mrs ms dr sen senator rep gov governor gen general special envoy chief ' +
    'ukrainian u.s. us american russian french german british foreign defence defense of the king queen pope chancellor ambassador')
    .split(' '),
);
const NOT_NAMES = new Set(
  ('january february march april may june july august september october november december monday tuesday wednesday thursday ' +
    'friday saturday sunday president the a an it he she they this that').split(' '),
);
const GENERIC_MODIFIERS = new Set(
  ('future potential several other recent many some new key senior significant major critical further such any all both ' +
    'coming high-level first last next previous possible certain various own same different whole').split(' '),
);
const DEMONYM = /^[A-Z][a-z]+(?:an|ian|ean|ese|ish|ch)$/;
const GENERIC_HEADS = new Set(('time way level part need aim effort efforts end moment thing things people stake stakes').split(' '));

/** Strip quotes, punctuation, possessives and honorifics around a tagged name. */
export function cleanName(raw: string): string {
  let s = normalizeQuotes(raw)
    .replace(/["“”()[\]]/g, '')
    .replace(/[—–]/g, '')
    .replace(/'s\b/g, '')
    .replace(/'$/, '')
    .replace(/[,;:!?-]+$/, '')
    .replace(/([^A-Z])\.$/, '$1') // "Russia." -> "Russia"; "U.S." stays
    .trim();
  // Keep only the leading run of capitalised words ("Kherson region" -> "Kherson").
  const words = s.split(/\s+/);
  const kept: string[] = [];
  for (const w of words) {
    if (/^[A-Z\p{Lu}]/u.test(w) || (kept.length && /^(of|de|la|von|van|al|bin)$/.test(w))) kept.push(w);
    else if (kept.length) break;
  }
  while (kept.length > 1 && TITLE_WORDS.has(kept[0]!.toLowerCase().replace(/\.$/, ''))) kept.shift();
  while (kept.length && /^(of|de|la|von|van|al|bin)$/.test(kept[kept.length - 1]!)) kept.pop();
  s = kept.join(' ');
  if (/^[A-Z]{3,}$/.test(s) && !KNOWN_EQUIVALENTS[s]) s = s.charAt(0) + s.slice(1).toLowerCase(); // KYIV -> Kyiv
  return s;
}

/** Transliteration variants of Slavic surnames: Zelensky / Zelenskyy / Zelenskiy / Zelenskyi. */
export function transliterationVariants(name: string): string[] {
  const m = name.match(/^(.*sk)(yy|yi|iy|y|ii|i)$/i);
  if (!m) return [name];
  return [...new Set(['y', 'yy', 'iy', 'yi', 'i'].map((e) => m[1] + e))];
}

/** A key that is the same for all transliteration variants of a name. */
export function nameKey(name: string): string {
  return fold(name).replace(/sk(yy|yi|iy|y|ii|i)\b/g, 'sky');
}

interface Entity {
  kind: TermKind;
  forms: Map<string, number>;
}

function plural(phrase: string): string[] {
  const words = phrase.split(' ');
  const last = words[words.length - 1]!;
  const alts = new Set<string>([last]);
  if (last.endsWith('ies')) alts.add(last.slice(0, -3) + 'y');
  else if (last.endsWith('s') && !last.endsWith('ss')) alts.add(last.slice(0, -1));
  else if (last.endsWith('y')) alts.add(last.slice(0, -1) + 'ies');
  else if (/(?:sh|ch|x|z)$/.test(last)) alts.add(last + 'es');
  else alts.add(last + 's');
  return [...alts].map((l) => [...words.slice(0, -1), l].join(' '));
}

export function slug(label: string): string {
  return fold(label).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Extract the dictionary from report texts. Topics (key phrases) must occur in at least
 * `minTopicReports` reports, so that generic one-off noun phrases do not become terms.
 */
export function extractTerms(texts: string[], minTopicReports = 2): Term[] {
  const entities = new Map<string, Entity>();
  const add = (kind: TermKind, raw: string) => {
    const name = cleanName(raw);
    if (name.length < 2 || NOT_NAMES.has(name.toLowerCase())) return;
    if (kind !== 'person' && /(?:ian|ean|ese|ish)$/.test(name) && !name.includes(' ')) return; // demonyms
    if (name.split(' ').some((w) => w.length > 1 && STOP_WORDS.has(w.toLowerCase()) && !/^(of|de)$/.test(w))) return;
    const equivalent = Object.entries(KNOWN_EQUIVALENTS).find(([k, v]) => k === name || v.aliases.includes(name));
    const key = equivalent ? 'eq:' + equivalent[0] : kind === 'person' ? 'p:' + nameKey(name.split(' ').pop()!) : kind + ':' + fold(name);
    const e = entities.get(key) ?? { kind: equivalent ? equivalent[1].kind : kind, forms: new Map() };
    e.forms.set(name, (e.forms.get(name) ?? 0) + 1);
    entities.set(key, e);
  };

  const phraseDocs = new Map<string, { docs: Set<number>; forms: Map<string, number> }>();
  texts.forEach((text, docIndex) => {
    const doc = nlp(normalizeQuotes(text));
    for (const p of doc.people().out('array') as string[]) {
      for (const part of p.split(/,\s*/)) add('person', part);
    }
    for (const p of doc.places().out('array') as string[]) for (const part of p.split(/,\s*|\s+and\s+/)) add('place', part);
    for (const o of doc.organizations().out('array') as string[]) add('organization', o);
    for (const np of doc.nouns().out('array') as string[]) {
      const words = normalizeQuotes(np)
        .replace(/["“”]/g, '')
        .replace(/[.,;:!?—–]+/g, ' ')
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      // Candidate key phrases: 2-3 word lower-case runs ending at the head noun.
      let end = words.length;
      while (end > 0 && !/^[a-z][a-z-]+$/.test(words[end - 1]!)) end--;
      const modifierOk = (w: string, k: number, len: number) => /^[a-z][a-z-]*[a-z]$/.test(w) || (k < len - 1 && DEMONYM.test(w));
      for (let len = 2; len <= 3; len++) {
        const seq = words.slice(end - len, end);
        if (seq.length !== len || !seq.every((w, k) => modifierOk(w, k, len))) continue;
        if (seq.some((w) => STOP_WORDS.has(w) || GENERIC_MODIFIERS.has(w))) continue;
        if (GENERIC_HEADS.has(seq[len - 1]!)) continue;
        const phrase = seq.join(' ');
        const key = seq.map((w) => stem(w.toLowerCase())).join(' ');
        const entry = phraseDocs.get(key) ?? { docs: new Set(), forms: new Map() };
        entry.docs.add(docIndex);
        entry.forms.set(phrase, (entry.forms.get(phrase) ?? 0) + 1);
        phraseDocs.set(key, entry);
      }
    }
  });

  const terms: Term[] = [];
  const taken = new Set<string>();
  const push = (t: Term) => {
    if (taken.has(t.id)) return;
    taken.add(t.id);
    terms.push(t);
  };

  // A tagged place/organisation that is really part of a person's name ("Trump administration",
  // "Secretary of State Marco Rubio" tagged "Marco") joins that person.
  const allText = texts.map(normalizeQuotes).join('\n');
  for (const [, person] of [...entities].filter(([k]) => k.startsWith('p:'))) {
    const surnames = [...person.forms.keys()].map((f) => f.split(' ').pop()!);
    for (const [key, e] of [...entities]) {
      if (e.kind === 'person' || key.startsWith('eq:')) continue;
      const name = [...e.forms.keys()][0]!;
      if (name.includes(' ')) continue;
      const asSurname = surnames.some((s) => nameKey(s) === nameKey(name));
      const asFirst = surnames.find((s) => allText.includes(`${name} ${s}`));
      if (!asSurname && !asFirst) continue;
      if (asFirst) person.forms.set(`${name} ${asFirst}`, 1);
      entities.delete(key);
    }
  }

  // Surnames seen alone and full names are one person: merge by surname key.
  for (const [key, e] of entities) {
    const forms = [...e.forms.entries()].sort((a, b) => b[0].split(' ').length - a[0].split(' ').length || b[1] - a[1]);
    const eq = key.startsWith('eq:') ? key.slice(3) : null;
    const label = eq ?? forms[0]![0];
    const aliases = new Set<string>(eq ? KNOWN_EQUIVALENTS[eq]!.aliases : []);
    for (const [form] of forms) aliases.add(form);
    if (e.kind === 'person') {
      const fulls = forms.map(([f]) => f).filter((f) => f.includes(' '));
      const surnames = new Set(forms.map(([f]) => f.split(' ').pop()!));
      for (const full of fulls) {
        const first = full.split(' ').slice(0, -1).join(' ');
        for (const s of surnames) for (const v of transliterationVariants(s)) aliases.add(`${first} ${v}`);
      }
      for (const s of surnames) for (const v of transliterationVariants(s)) aliases.add(v);
    }
    aliases.delete(label);
    push({ id: slug(label), label, kind: e.kind, aliases: [...aliases].sort() });
  }

  const frequent = new Set([...phraseDocs].filter(([, e]) => e.docs.size >= minTopicReports).map(([k]) => k));
  for (const [key, entry] of phraseDocs) {
    if (entry.docs.size < minTopicReports) continue;
    const words = key.split(' ');
    if (words.length === 3 && frequent.has(words.slice(1).join(' '))) continue;
    const label = [...entry.forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const aliases = new Set<string>();
    for (const f of entry.forms.keys()) for (const p of plural(f)) aliases.add(p);
    aliases.delete(label);
    push({ id: slug(label), label, kind: 'topic', aliases: [...aliases].sort() });
  }

  return terms.sort((a, b) => (a.kind === b.kind ? (a.label < b.label ? -1 : 1) : a.kind < b.kind ? -1 : 1));
}
