/** The background's request handlers, one per message type; the entrypoint only wires them. */
import type { CrosscheckDB } from '../db';
import type { BackgroundProtocol, ReplyOf, RequestOf } from '../messages';
import type { CorpusService } from './explain';
import { addUserReport, deleteUserReport, exportReports, importReports, onIndexChange, updateUserReport } from './store';

export interface Sender {
  tabId?: number;
}

export interface BackgroundDeps {
  db: CrosscheckDB;
  service: CorpusService;
  /** resolves once the bundled corpus is in the database */
  ready(): Promise<unknown>;
  setBadge(tabId: number, count: number, conflicts?: number): Promise<void>;
  /** after every index change: the new version, for open tabs and the popup (the storage item in the extension) */
  setIndexVersion?(version: string): Promise<void>;
  /** show import progress (the `importProgress` storage item); null when the import ended */
  publishProgress?(progress: { done: number; total: number } | null): Promise<void>;
}

/** Import progress is published at most this often, so a long import is not slowed by its own bar. */
const PROGRESS_EVERY_MS = 150;

export type Handlers = {
  [K in keyof BackgroundProtocol]: (req: RequestOf<BackgroundProtocol, K>, sender: Sender) => Promise<ReplyOf<BackgroundProtocol, K>>;
};

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db, service } = deps;
  onIndexChange(db, ({ version, reportIds }) => {
    void service.reportsChanged(reportIds, version).catch((e: unknown) => console.warn('[crosscheck] evidence index not updated', e));
    void deps.setIndexVersion?.(version).catch((e: unknown) => console.error('[crosscheck] could not publish the index version', e));
  });
  return {
    dictionary: async () => service.getDictionary(),
    explain: async (req) => service.explain(req.termId, req.claim, req.published),
    'mention-count': async (req, sender) => {
      if (sender.tabId !== undefined) await deps.setBadge(sender.tabId, req.count, req.conflicts ?? 0);
      return null;
    },
    'add-report': async (req) => ({ report: await addUserReport(db, req.report) }),
    'update-report': async (req) => ({ report: await updateUserReport(db, String(req.id), req.report) }),
    'delete-report': async (req) => {
      await deleteUserReport(db, String(req.id));
      return null;
    },
    'import-reports': async (req) => {
      if (!Array.isArray(req.reports)) throw new Error('The import holds no list of reports.');
      let last = 0;
      const onProgress = (done: number, total: number) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS && done < total) return;
        last = now;
        void deps.publishProgress?.({ done, total });
      };
      try {
        return await importReports(db, req.reports, { replace: req.replace === true, onProgress });
      } finally {
        await deps.publishProgress?.(null);
      }
    },
    'export-reports': async () => ({ reports: await exportReports(db) }),
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
