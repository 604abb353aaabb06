/**
 * A Web Worker (built as the unlisted script /extract-worker.js) that extracts reports' terms
 * (lib/corpus/live-index.ts indexRow): the NLP part of indexing, off the thread that answers hovers
 * and writes. ExtractPool (lib/background/extract-pool.ts) starts a few, in Chrome's offscreen
 * document or Firefox's background page.
 */
import { indexRow } from '../lib/corpus/live-index';
import type { ExtractReply, ExtractRequest } from '../lib/background/extract-pool';

export default defineUnlistedScript(() => {
  const scope = self as unknown as { onmessage: ((e: MessageEvent<ExtractRequest>) => void) | null; postMessage(m: ExtractReply): void };
  scope.onmessage = (e) => {
    const { id, reports } = e.data;
    try {
      scope.postMessage({ id, rows: reports.map((r) => indexRow(r)) });
    } catch (err) {
      scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  };
});
