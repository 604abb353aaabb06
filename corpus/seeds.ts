/** Reads the bundled seed reports (corpus/seeds/*.txt) with their stable ids. Node only. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawReport } from '../lib/corpus';

export const SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'seeds');

/** "003_0a6a0086e9378c6b.txt" -> "seed-0a6a0086e9378c6b": ids survive re-ordering of the files. */
export function readSeeds(dir = SEEDS_DIR): RawReport[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: 'seed-' + f.replace(/\.txt$/, '').split('_').pop(), origin: 'seed' as const, text: readFileSync(join(dir, f), 'utf8') }));
}
