/**
 * The corpus's read side — the dictionary for marking, a hover's popover, a checked selection —
 * answered from memory by a CorpusService, wherever one is warm. In Chrome that is the offscreen
 * document (it outlives the service worker, which Chrome stops after ~30 s idle and whose restart
 * would put its whole start-up in front of the next hover); in Firefox the background page.
 * Pages and the popup reach it over a port (lib/query-client.ts); the service worker answers the
 * same requests as messages when no port answers.
 */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { asListFilter } from '../corpus/listing';
import type { CrosscheckDB } from '../db';
import { ENGLISH_WORDS } from '../match/english-words';
import { MAX_CLAIM_CHARS, MAX_QUERY_CHARS, MAX_SELECTED_SENTENCES, type BackgroundProtocol, type Envelope, type ReplyOf, type RequestOf } from '../messages';
import { QUERY_HELLO, QUERY_PORT, QUERY_TYPES, type QueryMessage, type QueryReply, type QueryType } from '../query-client';
import type { CorpusChanges, CorpusService } from './explain';
import { onEvidenceChange, onIndexChange } from './store';

export type QueryHandlers = {
  [K in QueryType]: (req: RequestOf<BackgroundProtocol, K>) => Promise<ReplyOf<BackgroundProtocol, K>>;
};

export function queryHandlers(service: CorpusService): QueryHandlers {
  return {
    dictionary: async () => service.getDictionary(),
    'english-words': async () => ENGLISH_WORDS,
    explain: async (req) => service.explain(String(req.termId), String(req.claim).slice(0, MAX_CLAIM_CHARS), typeof req.published === 'string' ? req.published : undefined),
    'check-sentences': async (req) => {
      const sentences = Array.isArray(req.sentences) ? req.sentences.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
      if (!sentences.length) throw new Error(i18n.t('errors.noSentence'));
      return service.check(sentences.slice(0, MAX_SELECTED_SENTENCES).map((x) => x.slice(0, MAX_CLAIM_CHARS)), typeof req.published === 'string' ? req.published : undefined);
    },
    search: async (req) => service.search(String(req.query ?? '').slice(0, MAX_QUERY_CHARS)),
    list: async (req) => service.list(asListFilter(req.filter), Math.max(0, Math.floor(Number(req.limit) || 0))),
  };
}

/** One request off the port: its handler's answer, or a refusal for anything else. */
export async function answerQuery(handlers: QueryHandlers, request: unknown): Promise<unknown> {
  const type = request && typeof request === 'object' ? (request as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !(QUERY_TYPES as readonly string[]).includes(type)) throw new Error(`Crosscheck does not understand the request “${String(type)}”.`);
  return (handlers[type as QueryType] as (req: unknown) => Promise<unknown>)(request);
}

/** Answer queries that come over QUERY_PORT from this extension's pages and content scripts (once `ready`). */
export function serveQueries(handlers: QueryHandlers, ready: Promise<unknown> = Promise.resolve()): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== QUERY_PORT || port.sender?.id !== browser.runtime.id) return;
    port.postMessage(QUERY_HELLO);
    port.onMessage.addListener((msg: QueryMessage) => {
      if (!msg || typeof msg !== 'object' || typeof msg.id !== 'number') return;
      void ready.then(() => answerQuery(handlers, msg.request)).then(
        (value): Envelope<unknown> => ({ ok: true, value }),
        (e: unknown): Envelope<unknown> => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      ).then((reply) => {
        try {
          port.postMessage({ id: msg.id, reply } satisfies QueryReply);
        } catch {
          // the page went away meanwhile
        }
      });
    });
  });
}

/** The channel on which the writer (the service worker) tells other contexts that the corpus changed. */
const CHANGES_CHANNEL = 'crosscheck-corpus-changes';
type ChangeNote = { kind: 'index' | 'evidence' };

/** In the writer: tell every other context of each committed change. */
export function broadcastChanges(db: CrosscheckDB): void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  onIndexChange(db, () => channel.postMessage({ kind: 'index' } satisfies ChangeNote));
  onEvidenceChange(db, () => channel.postMessage({ kind: 'evidence' } satisfies ChangeNote));
}

/** In a reader elsewhere: the writer's changes, as a CorpusService follows them. */
export function broadcastedChanges(): CorpusChanges {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  const listeners: (() => void)[] = [];
  let evidence = 0;
  channel.onmessage = (e: MessageEvent<ChangeNote>) => {
    if (e.data?.kind === 'evidence') evidence++;
    if (e.data?.kind === 'index') for (const l of listeners) l();
  };
  return { onIndexChange: (l) => void listeners.push(l), evidenceGeneration: () => evidence };
}
