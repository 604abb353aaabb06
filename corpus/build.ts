/**
 * Build step: corpus/seeds/*.txt -> corpus/dist/corpus.json, the data the extension ships
 * (reports with only the metadata their text states, sentences, term dictionary, per-report index rows with their mentions).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCorpus } from '../lib/corpus';
import { readSeeds } from './seeds';

const here = dirname(fileURLToPath(import.meta.url));
const raws = readSeeds();
const t0 = performance.now();
const corpus = compileCorpus(raws);
mkdirSync(join(here, 'dist'), { recursive: true });
writeFileSync(join(here, 'dist', 'corpus.json'), JSON.stringify(corpus, null, 1));
const kinds = corpus.terms.reduce<Record<string, number>>((a, t) => ((a[t.kind] = (a[t.kind] ?? 0) + 1), a), {});
console.log(
  `corpus ${corpus.version}: ${corpus.reports.length} reports, ${corpus.reports.reduce((a, r) => a + r.sentences.length, 0)} sentences, ` +
    `${corpus.terms.length} terms (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ')}), ${corpus.index.reduce((a, r) => a + r.mentions.length, 0)} mentions, ` +
    `${(performance.now() - t0).toFixed(0)} ms`,
);
