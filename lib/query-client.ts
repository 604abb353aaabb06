/**
 * How pages and the popup ask the corpus's read side (the dictionary, a hover, a checked selection):
 * over a port to the context that keeps it warm (lib/background/queries.ts) — Chrome's offscreen
 * document, which outlives the service worker, or Firefox's background page. Where no port answers
 * (the offscreen document is not open yet after a browser start), or it goes away mid-request, the
 * same request goes to the background as a message, as every other request does (lib/rpc.ts).
 */
import { browser } from 'wxt/browser';
import type { BackgroundProtocol, ReplyOf, RequestOf } from './messages';
import { send, unwrap } from './rpc';

export const QUERY_PORT = 'crosscheck-queries';
export const QUERY_TYPES = ['dictionary', 'english-words', 'explain', 'check-sentences', 'search', 'list'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export interface QueryMessage {
  id: number;
  request: { type: QueryType } & Record<string, unknown>;
}
export interface QueryReply {
  id: number;
  reply: unknown;
}
/** What the serving end says first, so a client knows the port is served (not merely connected). */
export const QUERY_HELLO = { hello: QUERY_PORT } as const;

type Port = ReturnType<typeof browser.runtime.connect>;
/** After a port found nobody, messages go to the background for this long before a port is tried again. */
const RETRY_MS = 3_000;
/** A port whose serving end has not said hello by then is served by nobody. */
export const HELLO_MS = 1_500;
/** How long a port given up on stays open, so that the runtime's late answer to it is read, not logged. */
const CLOSE_UNSERVED_MS = 30_000;

let port: { port: Port; served: Promise<boolean> } | null = null;
let nobodyUntil = 0;
let nextId = 1;
const pending = new Map<number, { resolve: (reply: unknown) => void; reject: (e: Error) => void }>();

class PortGone extends Error {}

function openPort(): { port: Port; served: Promise<boolean> } | null {
  if (port) return port;
  if (Date.now() < nobodyUntil) return null;
  let p: Port;
  try {
    p = browser.runtime.connect({ name: QUERY_PORT });
  } catch {
    nobodyUntil = Date.now() + RETRY_MS; // the extension was reloaded: this script is orphaned
    return null;
  }
  let hello: (served: boolean) => void = () => undefined;
  let said = false;
  const served = new Promise<boolean>((resolve) => (hello = resolve));
  /** this port is done; if nobody ever served it, the background takes requests for a while */
  const nobody = () => {
    if (port?.port === p) port = null;
    if (!said) nobodyUntil = Date.now() + RETRY_MS;
    hello(false);
  };
  // No hello in time: requests go to the background meanwhile, but the port is left to the runtime
  // for a while. A connection that fails late (a service worker slow to wake) is then answered to our
  // onDisconnect, which reads its error; a port closed here first would log it as unchecked on the page.
  let closer: ReturnType<typeof setTimeout> | undefined;
  const timer = setTimeout(() => {
    nobody();
    closer = setTimeout(() => p.disconnect(), CLOSE_UNSERVED_MS);
  }, HELLO_MS);
  p.onMessage.addListener((msg: QueryReply | typeof QUERY_HELLO) => {
    if (msg && 'hello' in msg) {
      clearTimeout(timer);
      if (port?.port !== p) {
        // served too late: this port was given up on
        clearTimeout(closer);
        p.disconnect();
        return;
      }
      said = true;
      hello(true);
      return;
    }
    const waiting = pending.get(msg?.id);
    if (!waiting) return;
    pending.delete(msg.id);
    waiting.resolve(msg.reply);
  });
  p.onDisconnect.addListener(() => {
    // Read, so that Chrome does not log "no receiving end" (expected here) on the page as unchecked. A
    // call, not a bare `void browser.runtime.lastError`: the content build's minifier (pure_getters)
    // drops a property read whose value is unused, and did.
    Reflect.get(browser.runtime, 'lastError');
    clearTimeout(timer);
    clearTimeout(closer);
    nobody();
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(new PortGone());
    }
  });
  return (port = { port: p, served });
}

function overPort(p: Port, request: QueryMessage['request']): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    try {
      p.postMessage({ id, request } satisfies QueryMessage);
    } catch {
      pending.delete(id);
      reject(new PortGone());
    }
  });
}

/** One query: over the port where it answers, else as a message to the background. */
export async function query<K extends QueryType>(
  type: K,
  ...[fields]: {} extends Omit<RequestOf<BackgroundProtocol, K>, 'type'> ? [Omit<RequestOf<BackgroundProtocol, K>, 'type'>?] : [Omit<RequestOf<BackgroundProtocol, K>, 'type'>]
): Promise<ReplyOf<BackgroundProtocol, K>> {
  const p = openPort();
  if (p && (await p.served)) {
    try {
      return unwrap(await overPort(p.port, { ...(fields as object), type } as QueryMessage['request']), type);
    } catch (e) {
      if (!(e instanceof PortGone)) throw e;
    }
  }
  return (send as (t: K, f?: object) => Promise<ReplyOf<BackgroundProtocol, K>>)(type, fields as object | undefined);
}
