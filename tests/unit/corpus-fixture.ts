/** The bundled corpus compiled from corpus/seeds, once per test file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileCorpus, type CompiledCorpus, type RawReport } from '../../lib/corpus';

const dir = join(import.meta.dirname, '../../corpus/seeds');

export function seedRaws(): RawReport[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: 'seed-' + f.replace(/\.txt$/, '').split('_').pop(), origin: 'seed' as const, text: readFileSync(join(dir, f), 'utf8') }));
}

let compiled: CompiledCorpus | null = null;
export function seedCorpusCompiled(): CompiledCorpus {
  return (compiled ??= compileCorpus(seedRaws()));
}

export const ID = {
  summit: 'seed-c507b99284dd2fd5',
  washington: 'seed-8e2cd3f473f41653',
  kyiv: 'seed-f129f5241f18b62e',
  envoys: 'seed-0a6a0086e9378c6b',
  faceToFace: 'seed-dfc2ead0b60f5cfc',
};
