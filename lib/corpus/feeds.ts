/** RSS 2.0, RSS 1.0 (RDF) and Atom files the user picked, as reports to import (parsed with fast-xml-parser; no network). */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { htmlToText, isoDay } from './article';
import type { NewReportInput } from './schema';

export interface FeedReports {
  /** the feed's own title, used as each item's source */
  source: string | null;
  reports: NewReportInput[];
}

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

/** Parse a feed file; throws an Error naming the problem when the XML is malformed or not a feed. */
export function parseFeed(xml: string): FeedReports {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`The feed is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`);
  const doc = parser.parse(xml) as Record<string, Record<string, Node>>;

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
    };
  }
  throw new Error('The file is XML but not an RSS or Atom feed.');
}
