/**
 * npm run bench:hover: what one popover costs in the background — CorpusService.explain() over
 * the seeded corpus (IndexedDB via fake-indexeddb) for four demo-page claims, cold and warm.
 * Prints figures; asserts nothing.
 */
import 'fake-indexeddb/auto';
import corpus from '../corpus/dist/corpus.json';
import type { CompiledCorpus } from '../lib/corpus';
import { CrosscheckDB } from '../lib/db';
import { CorpusService } from '../lib/background/explain';
import { seedCorpus } from '../lib/background/store';

const CLAIMS: [string, string][] = [
  ['united-states', 'Ukrainian President Volodymyr Zelenskiy said on Saturday that Ukraine hopes to hold a leaders’ summit in the United States by the end of January.'],
  ['security-guarantees', 'Zelensky said advisers from 12 countries discussed security guarantees and economic agreements.'],
  ['washington', 'Washington has not yet publicly confirmed plans for a leaders’ meeting.'],
  ['donald-trump', 'Former U.S. President Donald Trump told reporters he was “not thrilled” with Vladimir Putin.'],
];

const db = new CrosscheckDB('bench-hover');
await seedCorpus(db, corpus as unknown as CompiledCorpus);
const service = new CorpusService(db);
let t = performance.now();
await service.getDictionary();
console.log(`dictionary + matcher: ${(performance.now() - t).toFixed(1)} ms`);
for (const round of ['cold', 'warm', 'warm']) {
  const row: string[] = [];
  for (const [term, claim] of CLAIMS) {
    t = performance.now();
    const r = (await service.explain(term, claim))!;
    row.push(`${term} ${(performance.now() - t).toFixed(1)} ms (${r.items.length} reports)`);
  }
  console.log(`${round.padEnd(5)} ${row.join('  ')}`);
}
await db.delete();
