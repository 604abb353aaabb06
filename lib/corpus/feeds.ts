/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom documents (a file the user picked, or a followed feed the
 * background fetched) as reports (parsed with fast-xml-parser; no network here); and the feeds a
 * web page announces with <link rel="alternate">.
 */
import { i18n } from '#i18n';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { htmlToText, isoDay } from './article';
import type { NewReportInput } from './schema';

export interface FeedReports {
  /** the feed's own title, used as each item's source */
  source: string | null;
  reports: NewReportInput[];
  /** per report: whether the feed gave the item's full text (content:encoded, Atom content), not only a summary */
  full: boolean[];
}

/** Why a document is not a feed to read, in words (locales/en.yml `feeds`). */
export const FEED_MESSAGES = {
  notXml: (line: number, msg: string) => i18n.t('feeds.notXml', [String(line), msg]),
  get entities() {
    return i18n.t('feeds.entities');
  },
  get notFeed() {
    return i18n.t('feeds.notFeed');
  },
};

type Node = unknown;
const LISTS = new Set(['item', 'entry', 'link', 'author', 'dc:creator', 'category']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => LISTS.has(name),
});

/** All text inside a parsed node (a string, a {#text} object, or inline XHTML). */
function deepText(x: Node): string {
  if (x === null || x === undefined) return '';
  if (typeof x === 'string' || typeof x === 'number') return String(x);
  if (Array.isArray(x)) return x.map(deepText).join(' ');
  if (typeof x === 'object') {
    return Object.entries(x as Record<string, Node>)
      .filter(([k]) => !k.startsWith('@_'))
      .map(([, v]) => deepText(v))
      .join(' ');
  }
  return '';
}

const first = (x: Node): Node => (Array.isArray(x) ? x[0] : x);
const plain = (x: Node): string | null => deepText(first(x)).replace(/\s+/g, ' ').trim() || null;
/** A title may carry escaped markup (<b>, &amp;lt;…): keep its text only. */
const title = (x: Node): string | null => htmlToText(deepText(first(x))).replace(/\s+/g, ' ').trim() || null;

/** An item's body: the longest of its full content and its summary, as plain text. */
function body(...candidates: Node[]): string {
  const texts = candidates.map((c) => htmlToText(deepText(first(c))));
  return texts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

function atomLink(links: Node): string | null {
  const list = ([] as Node[]).concat(links ?? []) as Record<string, string>[];
  const alt = list.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? list[0];
  return alt?.['@_href']?.trim() || null;
}

const nullIfBlank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** Only http(s) links are kept as a report's URL; others are dropped rather than refusing the item. */
function webUrl(s: string | null): string | null {
  return s && /^https?:\/\//i.test(s) ? s : null;
}

/**
 * The parsed document when `xml` is a well-formed RSS or Atom feed without entities of its own;
 * throws an Error naming the problem otherwise. Needs no DOM: Chrome's service worker checks a
 * fetched feed with it before the offscreen document reads the items (where no i18n is).
 */
function checkedFeed(xml: string): Record<string, Record<string, Node>> {
  // entities a document declares itself can expand a few bytes into gigabytes ("billion laughs"); no feed needs them
  if (/<!ENTITY/i.test(xml)) throw new Error(FEED_MESSAGES.entities);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(FEED_MESSAGES.notXml(valid.err.line, valid.err.msg));
  const doc = parser.parse(xml) as Record<string, Record<string, Node>>;
  if (!doc.rss && !doc['rdf:RDF'] && !doc.feed) throw new Error(FEED_MESSAGES.notFeed);
  return doc;
}

/** Throws an Error naming the problem when `xml` is not a feed to read (see checkedFeed). */
export function checkFeed(xml: string): void {
  checkedFeed(xml);
}

/** Parse a feed file; throws an Error naming the problem when the XML is malformed or not a feed. */
export function parseFeed(xml: string): FeedReports {
  const doc = checkedFeed(xml);

  if (doc.rss || doc['rdf:RDF']) {
    const root = doc.rss ? (doc.rss.channel as Record<string, Node>) ?? {} : doc['rdf:RDF']!;
    const channel = (doc.rss ? root : (root.channel as Record<string, Node>)) ?? {};
    const source = title(channel.title);
    const items = ((doc.rss ? root.item : root.item) ?? []) as Record<string, Node>[];
    return {
      source,
      reports: items.map((it) => ({
        title: title(it.title),
        source,
        author: nullIfBlank(plain(it['dc:creator']) ?? plain(it.author)),
        date: isoDay(plain(it.pubDate) ?? plain(it['dc:date'])),
        url: webUrl(plain(it.link) ?? plain(it.guid)),
        text: body(it['content:encoded'], it.description),
      })),
      full: items.map((it) => !!plain(it['content:encoded'])),
    };
  }
  if (doc.feed) {
    const feed = doc.feed;
    const source = title(feed.title);
    const entries = (feed.entry ?? []) as Record<string, Node>[];
    return {
      source,
      reports: entries.map((e) => ({
        title: title(e.title),
        source,
        author: nullIfBlank(((e.author ?? []) as Record<string, Node>[]).map((a) => plain(a.name)).filter(Boolean).join(', ')),
        date: isoDay(plain(e.published) ?? plain(e.updated)),
        url: webUrl(atomLink(e.link)),
        text: body(e.content, e.summary),
      })),
      full: entries.map((e) => !!plain(e.content)),
    };
  }
  throw new Error(FEED_MESSAGES.notFeed);
}

const FEED_TYPES = /^application\/(?:rss|atom|rdf)\+xml$/i;

/** The value of one attribute in a tag's text (quoted or not); null when absent. */
function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() : null;
}

/**
 * The feeds a web page announces (`<link rel="alternate" type="application/rss+xml" href>`, Atom
 * and RDF too), as absolute http(s) URLs in page order. A scan of the <link> tags, so that it runs
 * where no DOM parser is (Chrome's service worker).
 */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.slice(0, 1_000_000).matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate') || !FEED_TYPES.test(attribute(tag, 'type') ?? '')) continue;
    try {
      const url = new URL((attribute(tag, 'href') ?? '').replace(/&amp;/g, '&'), pageUrl);
      if (/^https?:$/.test(url.protocol) && !found.includes(url.href)) found.push(url.href);
    } catch {
      // a broken href announces nothing
    }
  }
  return found;
}
