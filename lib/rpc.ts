/**
 * The one way to talk to the background (and the popup to a tab): typed by the protocol in
 * lib/messages.ts, errors unwrapped here once and thrown as Error with the background's message.
 */
import { browser } from 'wxt/browser';
import type { BackgroundProtocol, Envelope, PageProtocol, ReplyOf, RequestOf } from './messages';

export class RpcError extends Error {}

export function unwrap<T>(reply: unknown, what: string): T {
  const env = reply as Envelope<T> | undefined;
  if (!env || typeof env !== 'object' || !('ok' in env)) throw new RpcError(`No answer from Crosscheck to “${what}”. Reload the page or the extension.`);
  if (!env.ok) throw new RpcError(env.error);
  return env.value;
}

export async function send<K extends keyof BackgroundProtocol>(
  type: K,
  ...[fields]: {} extends Omit<RequestOf<BackgroundProtocol, K>, 'type'> ? [Omit<RequestOf<BackgroundProtocol, K>, 'type'>?] : [Omit<RequestOf<BackgroundProtocol, K>, 'type'>]
): Promise<ReplyOf<BackgroundProtocol, K>> {
  return unwrap(await browser.runtime.sendMessage({ ...fields, type }), type);
}

/** To a tab's content scripts: every frame's, or one frame's (`{ tabId, frameId }`). */
export async function sendToTab<K extends keyof PageProtocol>(
  to: number | { tabId: number; frameId?: number },
  type: K,
  ...[fields]: {} extends Omit<RequestOf<PageProtocol, K>, 'type'> ? [Omit<RequestOf<PageProtocol, K>, 'type'>?] : [Omit<RequestOf<PageProtocol, K>, 'type'>]
): Promise<ReplyOf<PageProtocol, K>> {
  const { tabId, frameId } = typeof to === 'number' ? { tabId: to, frameId: undefined } : to;
  const msg = { ...fields, type };
  return unwrap(await (frameId === undefined ? browser.tabs.sendMessage(tabId, msg) : browser.tabs.sendMessage(tabId, msg, { frameId })), type);
}

/** Answer one request with a handler's result wrapped in an envelope (for onMessage listeners). */
export function answer<T>(work: () => Promise<T> | T, sendResponse: (r: Envelope<T>) => void): true {
  Promise.resolve()
    .then(work)
    .then(
      (value) => sendResponse({ ok: true, value }),
      (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  return true;
}
