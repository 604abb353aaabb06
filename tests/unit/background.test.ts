import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CrosscheckDB } from '../../lib/db';
import { CorpusService } from '../../lib/background/explain';
import { ENGLISH_WORDS } from '../../lib/match/english-words';
import { createHandlers, dispatch, type BackgroundDeps } from '../../lib/background/handlers';
import { createSeeder } from '../../lib/background/seeding';
import { resumeIndexing, whenIndexed } from '../../lib/background/store';
import type { ImportProgress } from '../../lib/storage';
import { unwrap } from '../../lib/rpc';
import { seedCorpusCompiled } from './corpus-fixture';

let n = 0;
const dbs: CrosscheckDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    await whenIndexed(db);
    await db.delete();
  }
});

function setup() {
  const db = new CrosscheckDB(`bg-${n++}`);
  dbs.push(db);
  const ready = createSeeder(db, seedCorpusCompiled());
  const setBadge = vi.fn(async () => undefined);
  const setIndexVersion = vi.fn(async (_v: string) => undefined);
  const publishProgress = vi.fn(async (_p: ImportProgress) => undefined);
  const deps: BackgroundDeps = { db, service: new CorpusService(db), ready, setBadge, setIndexVersion, publishProgress };
  return { db, deps, handlers: createHandlers(deps), setBadge, setIndexVersion, publishProgress };
}

describe('background handlers', () => {
  it('seed once, however many requests arrive at the same time', async () => {
    const { db, deps, handlers } = setup();
    const put = vi.spyOn(db.reports, 'bulkPut');
    const replies = await Promise.all([1, 2, 3].map(() => dispatch(handlers, deps, { type: 'dictionary' }, {})));
    expect(put).toHaveBeenCalledTimes(1); // the five seed reports, written once
    for (const r of replies) expect((r as { terms: unknown[] }).terms.length).toBe(seedCorpusCompiled().terms.length);
    await deps.ready();
    expect(put).toHaveBeenCalledTimes(1);
  });

  it('answers the English word list the content script leaves out', async () => {
    const { deps, handlers } = setup();
    expect(await dispatch(handlers, deps, { type: 'english-words' }, {})).toBe(ENGLISH_WORDS);
  });

  it('refuses unknown or malformed requests with a message', async () => {
    const { deps, handlers } = setup();
    await expect(dispatch(handlers, deps, { type: 'drop-tables' }, {})).rejects.toThrow(/does not understand the request “drop-tables”/);
    await expect(dispatch(handlers, deps, null, {})).rejects.toThrow(/does not understand/);
    await expect(dispatch(handlers, deps, { type: 'toString' }, {})).rejects.toThrow(/does not understand/);
  });

  it('sets the badge only for requests from a tab', async () => {
    const { deps, handlers, setBadge } = setup();
    await dispatch(handlers, deps, { type: 'mention-count', count: 4 }, { tabId: 7 });
    await dispatch(handlers, deps, { type: 'mention-count', count: 4 }, {});
    expect(setBadge).toHaveBeenCalledTimes(1);
    expect(setBadge).toHaveBeenCalledWith(7, 4, 0);
    await dispatch(handlers, deps, { type: 'mention-count', count: 4, conflicts: 2 }, { tabId: 7 });
    expect(setBadge).toHaveBeenLastCalledWith(7, 4, 2);
  });

  it('passes a write error through as a readable message', async () => {
    const { deps, handlers } = setup();
    await expect(dispatch(handlers, deps, { type: 'add-report', report: { text: 'too short' } }, {})).rejects.toThrow(/needs some text/);
  });
});

describe('evidence stamp', () => {
  it('an evidence index filled again under the same dictionary tells open tabs to judge again', async () => {
    const { db, deps, setIndexVersion } = setup();
    await deps.ready();
    await whenIndexed(db);
    const setEvidenceStamp = vi.fn(async (_s: number) => undefined);
    createHandlers({ ...deps, setEvidenceStamp });
    setIndexVersion.mockClear();
    setEvidenceStamp.mockClear();
    // as after an update that builds the evidence index another way: it is emptied and filled again
    await db.meta.put({ key: 'evidenceVersion', value: 'an older format' });
    await resumeIndexing(db);
    await whenIndexed(db);
    expect(setEvidenceStamp).toHaveBeenCalled();
    expect(setIndexVersion).not.toHaveBeenCalled();
  });
});

describe('corpus management handlers', () => {
  const TEXT = 'The harbour authority of Port Elling said on Monday that the new ferry terminal will open in June.';

  it('a restarted background reads the index rows writes need only when a form is opened or a write comes, once', async () => {
    const first = setup();
    await first.deps.ready();
    await whenIndexed(first.db);
    // the worker restarts: the same database, nothing in memory
    const db = new CrosscheckDB(first.db.name);
    const rows = vi.spyOn(db.reportIndex, 'toArray');
    const deps: BackgroundDeps = { db, service: new CorpusService(db), ready: createSeeder(db, seedCorpusCompiled()), setBadge: async () => undefined };
    const handlers = createHandlers(deps);
    await dispatch(handlers, deps, { type: 'dictionary' }, {});
    const term = seedCorpusCompiled().terms[0]!;
    await dispatch(handlers, deps, { type: 'explain', termId: term.id, claim: `${term.label} said on Monday that talks would go on.` }, {});
    expect(rows).not.toHaveBeenCalled(); // what a page needs does not load them
    expect(await dispatch(handlers, deps, { type: 'warm-writes' }, {})).toBeNull(); // answered at once; the rows load meanwhile
    await vi.waitFor(() => expect(rows).toHaveBeenCalledTimes(1));
    await dispatch(handlers, deps, { type: 'add-report', report: { text: TEXT } }, {});
    await dispatch(handlers, deps, { type: 'warm-writes' }, {});
    await whenIndexed(db);
    expect(rows).toHaveBeenCalledTimes(1);
    db.close();
  });

  it('add, edit, delete a user report; each write publishes the new index version', async () => {
    const { deps, handlers, setIndexVersion } = setup();
    await deps.ready(); // seeding publishes a version of its own
    setIndexVersion.mockClear();
    const { report } = (await dispatch(handlers, deps, { type: 'add-report', report: { text: TEXT, title: 'Ferry', url: 'https://post.example/f' } }, {})) as { report: { id: string } };
    expect(setIndexVersion).toHaveBeenCalledTimes(1);
    const edited = (await dispatch(handlers, deps, { type: 'update-report', id: report.id, report: { text: TEXT, title: 'Ferry terminal', source: 'Post' } }, {})) as { report: { id: string; title: string; source: string; url: string | null } };
    expect(edited.report).toMatchObject({ id: report.id, title: 'Ferry terminal', source: 'Post', url: null });
    await dispatch(handlers, deps, { type: 'delete-report', id: report.id }, {});
    const { reports } = (await dispatch(handlers, deps, { type: 'export-reports' }, {})) as { reports: { origin: string }[] };
    expect(reports.every((r) => r.origin === 'seed')).toBe(true);
    expect(setIndexVersion).toHaveBeenCalledTimes(3);
  });

  it('refuses a duplicate, a javascript: URL, a null text and editing a bundled report, with messages', async () => {
    const { deps, handlers } = setup();
    await dispatch(handlers, deps, { type: 'add-report', report: { text: TEXT, url: 'https://post.example/f' } }, {});
    await expect(dispatch(handlers, deps, { type: 'add-report', report: { text: `  ${TEXT.toUpperCase()} ` } }, {})).rejects.toThrow(/already in your corpus/);
    await expect(dispatch(handlers, deps, { type: 'add-report', report: { text: `${TEXT} Again.`, url: 'https://post.example/f' } }, {})).rejects.toThrow(/already in your corpus/);
    await expect(dispatch(handlers, deps, { type: 'add-report', report: { text: `${TEXT} More.`, url: 'javascript:alert(1)' } }, {})).rejects.toThrow(/must start with http/);
    await expect(dispatch(handlers, deps, { type: 'add-report', report: { text: null } }, {})).rejects.toThrow(/The report text must be text/);
    await expect(dispatch(handlers, deps, { type: 'update-report', id: 'seed-c507b99284dd2fd5', report: { text: TEXT + ' x y' } }, {})).rejects.toThrow(/Only reports you added can be edited/);
  });

  it('import reports progress, saving then indexing, and clears it at the end, when nothing was added or the import is refused', async () => {
    const { db, deps, handlers, publishProgress } = setup();
    const reports = Array.from({ length: 120 }, (_, i) => ({ text: `${TEXT} Number ${i}.` }));
    expect(await dispatch(handlers, deps, { type: 'import-reports', reports }, {})).toEqual({ added: 120, skipped: 0 });
    expect(publishProgress).toHaveBeenCalledWith({ done: 120, total: 120, phase: 'saving' });
    // the bar goes from saving straight to indexing, never empty in between
    expect(publishProgress).toHaveBeenLastCalledWith({ done: 0, total: 120, phase: 'indexing' });
    expect(publishProgress).not.toHaveBeenCalledWith(null);
    await whenIndexed(db);
    expect(publishProgress).toHaveBeenCalledWith({ done: 120, total: 120, phase: 'indexing' });
    expect(publishProgress).toHaveBeenLastCalledWith(null);
    publishProgress.mockClear();
    // nothing added (all repeats): nothing to index, and the bar is cleared
    expect(await dispatch(handlers, deps, { type: 'import-reports', reports: reports.slice(0, 3) }, {})).toEqual({ added: 0, skipped: 3 });
    expect(publishProgress).toHaveBeenLastCalledWith(null);
    publishProgress.mockClear();
    await expect(dispatch(handlers, deps, { type: 'import-reports', reports: [{ text: 5 }] }, {})).rejects.toThrow(/Report 1: The report text must be text/);
    expect(publishProgress).toHaveBeenLastCalledWith(null);
    await expect(dispatch(handlers, deps, { type: 'import-reports', reports: 'all' }, {})).rejects.toThrow(/no list of reports/);
  });
});

describe('reply envelope', () => {
  it('unwraps a value once and throws the background’s message on an error reply', () => {
    expect(unwrap({ ok: true, value: 3 }, 'x')).toBe(3);
    expect(unwrap({ ok: true, value: null }, 'x')).toBeNull();
    expect(() => unwrap({ ok: false, error: 'Storage is full.' }, 'x')).toThrow('Storage is full.');
    expect(() => unwrap(undefined, 'explain')).toThrow(/No answer from Crosscheck to “explain”/);
  });
});
