import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CrosscheckDB } from '../../lib/db';
import { CorpusService } from '../../lib/background/explain';
import { createHandlers, dispatch, type BackgroundDeps } from '../../lib/background/handlers';
import { createSeeder } from '../../lib/background/seeding';
import { unwrap } from '../../lib/rpc';
import { seedCorpusCompiled } from './corpus-fixture';

let n = 0;
const dbs: CrosscheckDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function setup() {
  const db = new CrosscheckDB(`bg-${n++}`);
  dbs.push(db);
  const ready = createSeeder(db, seedCorpusCompiled());
  const setBadge = vi.fn(async () => undefined);
  const deps: BackgroundDeps = { db, service: new CorpusService(db), ready, setBadge };
  return { db, deps, handlers: createHandlers(deps), setBadge };
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

describe('reply envelope', () => {
  it('unwraps a value once and throws the background’s message on an error reply', () => {
    expect(unwrap({ ok: true, value: 3 }, 'x')).toBe(3);
    expect(unwrap({ ok: true, value: null }, 'x')).toBeNull();
    expect(() => unwrap({ ok: false, error: 'Storage is full.' }, 'x')).toThrow('Storage is full.');
    expect(() => unwrap(undefined, 'explain')).toThrow(/No answer from Crosscheck to “explain”/);
  });
});
