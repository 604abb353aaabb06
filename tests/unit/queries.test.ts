/**
 * The corpus's read side outside the service worker: pages ask over a port (lib/query-client.ts),
 * a warm CorpusService answers (lib/background/queries.ts), a port that goes away falls back to a
 * message, and a reader elsewhere follows the writer's committed changes.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (msg: unknown) => void;
interface FakePort {
  name: string;
  sender?: { id: string };
  onMessage: { addListener(l: Listener): void };
  onDisconnect: { addListener(l: () => void): void };
  postMessage(msg: unknown): void;
  disconnect(): void;
}

/** Two ends of a runtime port, as the extension's runtime pairs them. */
function portPair(name: string): [FakePort, FakePort] {
  const make = (sender?: { id: string }) => {
    const messages: Listener[] = [];
    const gone: (() => void)[] = [];
    return { name, sender, messages, gone };
  };
  const a = make();
  const b = make({ id: 'crosscheck' });
  const end = (me: ReturnType<typeof make>, other: ReturnType<typeof make>): FakePort => ({
    name,
    sender: me.sender,
    onMessage: { addListener: (l) => void me.messages.push(l) },
    onDisconnect: { addListener: (l) => void me.gone.push(l) },
    postMessage: (msg) => void queueMicrotask(() => other.messages.forEach((l) => l(structuredClone(msg)))),
    disconnect: () => other.gone.forEach((l) => l()),
  });
  return [end(a, b), end(b, a)];
}

const runtime = {
  id: 'crosscheck',
  connectListeners: [] as ((port: FakePort) => void)[],
  sendMessage: vi.fn(async (msg: { type: string }) => ({ ok: true, value: `from the worker: ${msg.type}` })),
  onConnect: { addListener: (l: (port: FakePort) => void) => void runtime.connectListeners.push(l) },
  open: [] as FakePort[],
  connect: vi.fn(({ name }: { name: string }) => {
    const [client, server] = portPair(name);
    runtime.open.push(server);
    for (const l of runtime.connectListeners) l(server);
    return client;
  }),
};
vi.mock('wxt/browser', () => ({ browser: { runtime } }));

const { HELLO_MS, query } = await import('../../lib/query-client');
const { answerQuery, broadcastChanges, broadcastedChanges, serveQueries } = await import('../../lib/background/queries');
const { CorpusService } = await import('../../lib/background/explain');
const { CrosscheckDB } = await import('../../lib/db');
const { seedCorpus, addUserReport } = await import('../../lib/background/store');
const { seedCorpusCompiled } = await import('./corpus-fixture');

const handlers = {
  dictionary: vi.fn(async () => ({ version: 'v1', terms: [] })),
  'english-words': vi.fn(async () => 'a\nb'),
  explain: vi.fn(async () => null),
  'check-sentences': vi.fn(async () => {
    throw new Error('Select a sentence first.');
  }),
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  for (const p of runtime.open.splice(0)) p.disconnect(); // the served context went away
  runtime.connectListeners.length = 0;
  runtime.sendMessage.mockClear();
  runtime.connect.mockClear();
});
afterEach(() => vi.useRealTimers());

describe('queries over a port', () => {
  it('are answered by the context that serves them, errors unwrapped once, one port for all', async () => {
    serveQueries(handlers as never);
    expect(await query('dictionary')).toEqual({ version: 'v1', terms: [] });
    expect(await query('english-words')).toBe('a\nb');
    await expect(query('check-sentences', { sentences: ['x'] })).rejects.toThrow('Select a sentence first.');
    expect(runtime.connect).toHaveBeenCalledTimes(1);
    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('go to the service worker as messages when nobody serves the port, and try the port again later', async () => {
    // a port nobody serves: the runtime disconnects it before any answer
    const [client, server] = portPair('crosscheck-queries');
    runtime.connect.mockImplementationOnce(() => {
      queueMicrotask(() => server.disconnect()); // the other end goes away without a word
      return client;
    });
    expect(await query('dictionary')).toBe('from the worker: dictionary');
    expect(runtime.sendMessage).toHaveBeenCalledWith({ type: 'dictionary' });
    // for a while after, straight to the worker without trying a port
    const connects = runtime.connect.mock.calls.length;
    expect(await query('english-words')).toBe('from the worker: english-words');
    expect(runtime.connect.mock.calls.length).toBe(connects);
    // later, a port is tried again, and this time it is served
    vi.setSystemTime(Date.now() + 5_000);
    serveQueries(handlers as never);
    expect(await query('english-words')).toBe('a\nb');
  });

  it('refuse a request that is not a query, and a port from another extension is not served', async () => {
    await expect(answerQuery(handlers as never, { type: 'delete-report' })).rejects.toThrow('does not understand');
    await expect(answerQuery(handlers as never, null)).rejects.toThrow('does not understand');
    const served = vi.fn();
    runtime.connectListeners.length = 0;
    serveQueries({ ...handlers, dictionary: served } as never);
    const [, server] = portPair('crosscheck-queries');
    const stranger = { ...server, sender: { id: 'another-extension' } };
    let heard = false;
    stranger.onMessage = { addListener: () => void (heard = true) };
    runtime.connectListeners[0]!(stranger);
    expect(heard).toBe(false);
  });
  // last: it leaves the client sending to the service worker for a while
  it('go to the service worker when the port is connected but nobody serves it (no hello)', async () => {
    vi.setSystemTime(Date.now() + 10_000); // past any wait an earlier test left
    // a context that listens for connections without serving queries
    let unserved: FakePort | undefined;
    runtime.connectListeners.push((p) => void (unserved = p));
    const t = performance.now();
    expect(await query('dictionary')).toBe('from the worker: dictionary');
    expect(performance.now() - t).toBeGreaterThanOrEqual(HELLO_MS - 50);
    expect(runtime.sendMessage).toHaveBeenCalledWith({ type: 'dictionary' });
    // the port given up on is left open, so that a connection the runtime fails late is answered to
    // the client's listener (which reads the error) instead of logged on the page as unchecked
    let closed = false;
    unserved!.onDisconnect.addListener(() => void (closed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false);
    // a hello that comes too late: the client closes that port and keeps sending to the worker
    unserved!.postMessage({ hello: 'crosscheck-queries' });
    await new Promise((r) => setTimeout(r, 0));
    expect(closed).toBe(true);
    expect(await query('english-words')).toBe('from the worker: english-words');
  });

});

describe('a CorpusService in another context', () => {
  it('follows the writer’s committed changes, and a write nobody announced when a page asks for the dictionary', async () => {
    vi.useRealTimers();
    const name = `queries-${Math.random()}`;
    const writer = new CrosscheckDB(name);
    await seedCorpus(writer, seedCorpusCompiled());
    broadcastChanges(writer);
    const reader = new CorpusService(new CrosscheckDB(name), broadcastedChanges());
    const before = await reader.getDictionary();
    expect(before.terms.some((t) => t.label === 'Grimsby Harbour')).toBe(false);

    const changed = new Promise<void>((ok) => broadcastedChanges().onIndexChange(ok));
    await addUserReport(writer, { text: 'Grimsby Harbour reopened on Tuesday after the storm. Grimsby Harbour officials said the quay was safe, and Grimsby Harbour traffic resumed.', title: 'Harbour reopens' });
    await changed;
    const after = await reader.getDictionary();
    expect(after.version).not.toBe(before.version);
    expect(after.terms.length).toBeGreaterThan(before.terms.length);

    // a raw write that told nobody (as a benchmark's fixture does): the stored version differs, so it is read again
    const raw = new CrosscheckDB(name);
    await raw.meta.put({ key: 'indexVersion', value: 'written-elsewhere' });
    await raw.terms.put({ ...(await raw.terms.toCollection().first())!, id: 'quay-fixture', label: 'Quay Fixture' });
    const reread = await reader.getDictionary();
    expect(reread.version).toBe('written-elsewhere');
    expect(reread.terms.some((t) => t.label === 'Quay Fixture')).toBe(true);
  });
});
