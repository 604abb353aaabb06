/**
 * Chrome's offscreen document (entrypoints/offscreen): one per extension, opened once and left open.
 * It parses what needs a DOM (lib/background/dom-parse.ts), runs the workers that extract an
 * import's terms (lib/background/extraction.ts) and answers the corpus's read side
 * (lib/background/queries.ts) from memory that outlives the service worker.
 */
import { browser } from 'wxt/browser';

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

const api = (): OffscreenApi | undefined => (browser as unknown as { offscreen?: OffscreenApi }).offscreen;

/** Whether this browser has offscreen documents (Chrome's service worker) or not (Firefox's background page). */
export const hasOffscreen = (): boolean => api() !== undefined;

let creating: Promise<void> | null = null;
/** Open the offscreen document unless it is open. */
export async function ensureOffscreen(): Promise<void> {
  const offscreen = api();
  if (!offscreen) throw new Error('This browser has no offscreen documents.');
  if (await offscreen.hasDocument?.()) return;
  creating ??= offscreen
    .createDocument({
      url: browser.runtime.getURL('/offscreen.html'),
      reasons: ['DOM_PARSER', 'WORKERS'],
      justification: 'Read the feeds the reader follows, extract the terms of imported reports in workers, and answer hovers from a corpus kept in memory.',
    })
    .catch((e: unknown) => {
      if (!/single offscreen|already/i.test(String(e))) throw e;
    })
    .finally(() => (creating = null));
  await creating;
}
