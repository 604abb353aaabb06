// @vitest-environment happy-dom
/** Followed feeds (lib/background/feeds.ts) with a fake network: new items only, removal, and every way a feed can be bad. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { articleFromHtml } from '../../lib/corpus/article';
import { discoverFeeds, parseFeed } from '../../lib/corpus/feeds';
import { createFeedService, FEED_LIMITS, FETCH_MESSAGES, type FollowedFeed } from '../../lib/background/feeds';
import { hostPattern } from '../../lib/settings';
import { backupOf, seedCorpus, whenIndexed } from '../../lib/background/store';
import { CrosscheckDB } from '../../lib/db';
import { seedCorpusCompiled } from './corpus-fixture';

let n = 0;
const dbs: CrosscheckDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    await whenIndexed(db);
    await backupOf(db).delete();
    await db.delete();
  }
});

const WORDS = 'ferry harbour council budget museum railway orchard bakery glacier festival lighthouse vineyard tunnel library stadium quarry'.split(' ');
function story(i: number): string {
  let x = i * 104729 + 3;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  return `Item ${i} says that ${Array.from({ length: 60 }, () => WORDS[next() % WORDS.length]).join(' ')}.`;
}
const item = (i: number, full = true) =>
  `<item><title>Item ${i}</title><link>https://news.example/items/${i}</link>${full ? `<content:encoded><![CDATA[<p>${story(i)}</p>]]></content:encoded>` : `<description>Summary of item ${i}, in a few words only here.</description>`}</item>`;
const rss = (items: string[]) => `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News Example</title>${items.join('')}</channel></rss>`;

type Route = (url: string, init?: RequestInit) => Promise<Response>;
/** A fake network: path → answer; a Response's url is set as a browser sets it. */
function network(routes: Record<string, Route | string>) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const route = routes[url];
    if (route === undefined) throw new TypeError('Failed to fetch');
    const res = typeof route === 'string' ? new Response(route, { headers: { 'content-type': 'application/rss+xml' } }) : await route(url, init);
    if (!res.url) Object.defineProperty(res, 'url', { value: url });
    return res;
  };
}

async function setup(routes: Record<string, Route | string>, allowed = (u: string) => new URL(u).hostname === 'news.example') {
  const db = new CrosscheckDB(`feeds-${n++}`);
  dbs.push(db);
  await seedCorpus(db, seedCorpusCompiled());
  let stored: FollowedFeed[] = [];
  const service = createFeedService({
    db,
    fetch: network(routes) as typeof fetch,
    parse: { feed: async (xml) => parseFeed(xml), article: async (html, url) => articleFromHtml(html, url) },
    allowed: async (u) => allowed(u),
    load: async () => structuredClone(stored),
    save: async (f) => void (stored = structuredClone(f)),
    timeoutMs: async () => 200,
  });
  const feedReports = () => db.reports.where('origin').equals('feed').toArray();
  return { db, service, feedReports, feeds: () => stored };
}

const FEED = 'https://news.example/feed.xml';

describe('followed feeds', () => {
  it('adds the items a feed gains between two fetches, with the feed’s title as source; a removed item does not come back', async () => {
    const routes: Record<string, string> = { [FEED]: rss([item(1), item(2)]) };
    const { service, feedReports, db } = await setup(routes);
    const feed = await service.add(FEED);
    expect(feed).toMatchObject({ title: 'News Example', lastAdded: 2, added: 2, error: null });
    expect((await feedReports()).map((r) => [r.title, r.source, r.feedId])).toEqual([
      ['Item 1', 'News Example', feed.id],
      ['Item 2', 'News Example', feed.id],
    ]);
    routes[FEED] = rss([item(3), item(1), item(2)]);
    const [again] = await service.refresh(feed.id);
    expect(again).toMatchObject({ lastAdded: 1, added: 3, error: null });
    expect((await feedReports()).map((r) => r.title).sort()).toEqual(['Item 1', 'Item 2', 'Item 3']);
    // the index holds them
    for (const r of await feedReports()) expect(await db.reportIndex.get(r.id)).toBeDefined();
    // removed by the reader: not added again
    const one = (await feedReports()).find((r) => r.title === 'Item 1')!;
    await db.reports.delete(one.id); // as forget-reports would (the index is not under test here)
    await db.reportIndex.delete(one.id);
    const [third] = await service.refresh(feed.id);
    expect(third!.lastAdded).toBe(0);
  });

  it('an item with a summary only is read from its page when its host is allowed', async () => {
    const page = `<!doctype html><html><head><title>Item 9</title></head><body><article><h1>Item 9</h1>${[1, 2, 3, 4].map((k) => `<p>${story(90 + k)}</p>`).join('')}</article></body></html>`;
    const { service, feedReports } = await setup({ [FEED]: rss([item(9, false)]), 'https://news.example/items/9': async () => new Response(page, { headers: { 'content-type': 'text/html' } }) });
    await service.add(FEED);
    const [r] = await feedReports();
    expect(r!.text).toContain(story(91).slice(0, 40));
  });

  it('a site’s page leads to the feed it announces', async () => {
    const home = `<html><head><link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml"></head><body>Hi</body></html>`;
    expect(discoverFeeds(home, 'https://news.example/')).toEqual([FEED]);
    const { service } = await setup({ 'https://news.example/': async () => new Response(home, { headers: { 'content-type': 'text/html' } }), [FEED]: rss([item(1)]) });
    expect(await service.add('https://news.example/')).toMatchObject({ url: FEED, added: 1 });
  });

  it('pause, and removal with or without its reports', async () => {
    const { service, feedReports, feeds } = await setup({ [FEED]: rss([item(1), item(2)]), 'https://news.example/other.xml': rss([item(5)]) });
    const a = await service.add(FEED);
    const b = await service.add('https://news.example/other.xml');
    await service.pause(a.id, true);
    expect((await service.refresh()).map((f) => f.id)).toEqual([b.id]);
    expect(await service.remove(b.id, false)).toEqual({ removed: 0 });
    expect(await feedReports()).toHaveLength(3);
    expect(await service.remove(a.id, true)).toEqual({ removed: 2 });
    expect((await feedReports()).map((r) => r.title)).toEqual(['Item 5']);
    expect(feeds()).toEqual([]);
  });

  describe('a bad feed gets a clear status and changes nothing', () => {
    const cases: [string, Route | string, RegExp][] = [
      ['not XML', async () => new Response('{"not": "xml"}', { headers: { 'content-type': 'application/json' } }), /not well-formed XML/],
      ['entity expansion', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>`, /entities of its own/],
      ['huge', async () => new Response(new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(1024 * 1024).fill(32)) })), /larger than 5 MB/],
      ['redirect to another host', async () => Object.defineProperty(new Response(rss([item(1)])), 'url', { value: 'https://elsewhere.example/feed.xml' }), /another site \(elsewhere\.example\)/],
      ['timeout', (_u, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))), /did not answer within 0.2 seconds/],
      ['an HTTP error', async () => new Response('no', { status: 500 }), /HTTP 500/],
    ];
    for (const [what, route, message] of cases) {
      it(what, async () => {
        const routes: Record<string, Route | string> = { [FEED]: rss([item(1)]) };
        const { service, feedReports, db } = await setup(routes);
        const feed = await service.add(FEED);
        const before = await db.reports.count();
        const version = await db.meta.get('indexVersion');
        routes[FEED] = route;
        const [after] = await service.refresh(feed.id);
        expect(after!.error).toMatch(message);
        expect(after).toMatchObject({ lastAdded: 0, added: 1 });
        expect(await db.reports.count()).toBe(before);
        expect(await db.meta.get('indexVersion')).toEqual(version);
        expect(await feedReports()).toHaveLength(1);
        // and following such a feed is refused outright
        routes['https://news.example/bad.xml'] = route;
        await expect(service.add('https://news.example/bad.xml')).rejects.toThrow(message);
      });
    }
  });

  it('a host the reader did not grant is not fetched', async () => {
    const { service } = await setup({ 'https://other.example/feed.xml': rss([item(1)]) });
    await expect(service.add('https://other.example/feed.xml')).rejects.toThrow(FETCH_MESSAGES.noPermission('other.example'));
    expect(FEED_LIMITS.maxBytes).toBe(5 * 1024 * 1024);
  });

  it('asks for the feed’s host only, any port', () => {
    expect(hostPattern('http://127.0.0.1:8123/feed.xml')).toBe('http://127.0.0.1/*');
    expect(hostPattern('https://news.example/a/b.xml?x=1')).toBe('https://news.example/*');
  });
});
