/** The bundled corpus compiled from corpus/seeds, once per test file. */
import { compileCorpus, type CompiledCorpus } from '../../lib/corpus';
import { readSeeds } from '../../corpus/seeds';

let compiled: CompiledCorpus | null = null;
export function seedCorpusCompiled(): CompiledCorpus {
  return (compiled ??= compileCorpus(readSeeds()));
}

export const ID = {
  summit: 'seed-c507b99284dd2fd5',
  washington: 'seed-8e2cd3f473f41653',
  kyiv: 'seed-f129f5241f18b62e',
  envoys: 'seed-0a6a0086e9378c6b',
  faceToFace: 'seed-dfc2ead0b60f5cfc',
};
