/** The background's request handlers, one per message type; the entrypoint only wires them. */
import type { CrosscheckDB } from '../db';
import type { BackgroundProtocol, ReplyOf, RequestOf } from '../messages';
import type { CorpusService } from './explain';
import { addUserReport, deleteUserReport } from './store';

export interface Sender {
  tabId?: number;
}

export interface BackgroundDeps {
  db: CrosscheckDB;
  service: CorpusService;
  /** resolves once the bundled corpus is in the database */
  ready(): Promise<unknown>;
  setBadge(tabId: number, count: number, conflicts?: number): Promise<void>;
  /** tell open tabs and the popup that the corpus was re-indexed (the indexVersion storage item) */
  indexChanged?(): Promise<void>;
}

export type Handlers = {
  [K in keyof BackgroundProtocol]: (req: RequestOf<BackgroundProtocol, K>, sender: Sender) => Promise<ReplyOf<BackgroundProtocol, K>>;
};

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db, service } = deps;
  return {
    dictionary: async () => service.getDictionary(),
    explain: async (req) => service.explain(req.termId, req.claim),
    'mention-count': async (req, sender) => {
      if (sender.tabId !== undefined) await deps.setBadge(sender.tabId, req.count, req.conflicts ?? 0);
      return null;
    },
    'add-report': async (req) => {
      const report = await addUserReport(db, req.report);
      await deps.indexChanged?.();
      return { report };
    },
    'delete-report': async (req) => {
      await deleteUserReport(db, req.id);
      await deps.indexChanged?.();
      return null;
    },
  };
}

/** Route one incoming message to its handler, after seeding; unknown or malformed requests are refused. */
export async function dispatch(handlers: Handlers, deps: Pick<BackgroundDeps, 'ready'>, msg: unknown, sender: Sender): Promise<unknown> {
  const type = msg && typeof msg === 'object' ? (msg as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) throw new Error(`Crosscheck does not understand the request “${String(type)}”.`);
  await deps.ready();
  const handler = handlers[type as keyof Handlers] as (req: unknown, sender: Sender) => Promise<unknown>;
  return handler(msg, sender);
}
