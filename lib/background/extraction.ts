/**
 * Where the terms of an import are extracted: in Web Workers on every core (ExtractPool). A worker
 * needs a page to start it: in Chrome the offscreen document (its service worker cannot start one),
 * asked by message; in Firefox the background page itself.
 */
import { browser } from 'wxt/browser';
import type { ReportIndexRow } from '../corpus/live-index';
import { unwrap } from '../rpc';
import { ExtractPool, poolSize, type ExtractInput, type WorkerLike } from './extract-pool';
import { ensureOffscreen } from './offscreen';

export type ExtractMessage = { type: 'offscreen-extract'; reports: ExtractInput[] };

/** A pool of extraction workers in this page (the offscreen document, Firefox's background page). */
export const workerPool = (): ExtractPool =>
  new ExtractPool(() => new Worker(browser.runtime.getURL('/extract-worker.js')) as unknown as WorkerLike, poolSize(navigator.hardwareConcurrency));

/** From Chrome's service worker: the offscreen document's workers extract `reports`. */
export async function extractInOffscreen(reports: readonly ExtractInput[]): Promise<ReportIndexRow[]> {
  await ensureOffscreen();
  const msg: ExtractMessage = { type: 'offscreen-extract', reports: reports.map(({ id, title, text, headings, sentences }) => ({ id, title, text, headings, sentences })) };
  return unwrap<ReportIndexRow[]>(await browser.runtime.sendMessage(msg), 'offscreen-extract');
}
