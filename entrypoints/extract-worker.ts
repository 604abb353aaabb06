/** A Web Worker of lib/background/extract-pool.ts: the index rows of the reports it is sent. */
import type { ExtractReply, ExtractRequest } from '../lib/background/extract-pool';
import { indexRow } from '../lib/corpus/live-index';

export default defineUnlistedScript(() => {
  const scope = self as unknown as { onmessage: ((e: MessageEvent<ExtractRequest>) => void) | null; postMessage(m: ExtractReply): void };
  scope.onmessage = (e) => {
    const { id, reports } = e.data;
    try {
      scope.postMessage({ id, rows: reports.map(indexRow) });
    } catch (err) {
      scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  };
});
