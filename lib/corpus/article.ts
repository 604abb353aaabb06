/**
 * Article extraction from a web page (or an .html file): clean text with @mozilla/readability run
 * on a clone, and only the metadata the page states (meta tags, JSON-LD, <time>); unknown stays null.
 */
import { publishedDate } from './published';
import { Readability } from '@mozilla/readability';
import { LIMITS } from './schema';

/** What a page says about its article, ready to be shown for correction before it is saved. */
export interface ArticleDraft {
  title: string | null;
  source: string | null;
  author: string | null;
  /** yyyy-mm-dd when the page states a date */
  date: string | null;
  url: string | null;
  text: string;
}

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'TR', 'TABLE', 'UL', 'OL', 'HEADER', 'FOOTER', 'ASIDE', 'DD', 'DT', 'BR', 'HR']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'IFRAME', 'BUTTON', 'FORM']);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whitespace collapsed, control characters dropped, broken characters replaced; null when empty. */
function clean(s: string | null | undefined, max: number): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(CONTROL, ' ').replace(LONE_SURROGATE, '\uFFFD').replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max).trim() : null;
}

/** Text of a DOM subtree with one blank line between blocks (paragraphs, headings, list items). */
export function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let line = '';
  const flush = () => {
    const t = clean(line, Number.MAX_SAFE_INTEGER);
    if (t) paragraphs.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) line += c.nodeValue ?? '';
      else if (c.nodeType === 1) {
        const tag = (c as Element).tagName;
        if (SKIP.has(tag) || SKIP.has(tag.toUpperCase())) continue;
        const block = BLOCKS.has(tag.toUpperCase());
        if (block) flush();
        walk(c);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/** Plain text from an HTML fragment (a feed item's description), parsed inertly: no script runs, nothing loads. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return blockText(doc.body);
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}" i], meta[name="${k}" i], meta[itemprop="${k}" i]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

type Json = Record<string, unknown>;

/** The page's JSON-LD objects that describe an article (NewsArticle, Article, BlogPosting, …). */
function jsonLdArticles(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (x: unknown) => {
    if (Array.isArray(x)) return x.forEach(visit);
    if (!x || typeof x !== 'object') return;
    const o = x as Json;
    if (Array.isArray(o['@graph'])) visit(o['@graph']);
    const type = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
    if (type.some((t) => /Article|BlogPosting|Report/i.test(t))) out.push(o);
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // a page's broken JSON-LD states nothing
    }
  }
  return out;
}

/** A JSON-LD person/organisation (or list of them) as names. */
function names(x: unknown): string | null {
  const list = ([] as unknown[]).concat(x ?? []);
  const got = list.map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' ? (p as Json).name : null)).filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return got.length ? got.join(', ') : null;
}

/** yyyy-mm-dd from an ISO or RFC date; null when the string is not a date. */
export function isoDay(s: string | null | undefined): string | null {
  if (!s) return null;
  const iso = s.trim().match(/^(\d{4}-\d{2}-\d{2})/);
  if (iso) return iso[1]!;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

function httpUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** A byline such as "By Jane Doe and John Roe" as names; URLs (article:author on some sites) are not names. */
function byline(s: string | null | undefined): string | null {
  if (!s || /^https?:\/\//.test(s.trim())) return null;
  return s.replace(/^\s*by\s+/i, '');
}

/** Paragraphs before the story starts that only repeat the headline, the byline or the date. */
function dropHeadFurniture(text: string, title: string | null): string {
  const paragraphs = text.split('\n\n');
  let i = 0;
  for (; i < paragraphs.length - 1; i++) {
    const p = paragraphs[i]!;
    const furniture = p === title || (/^by\s/i.test(p) && p.split(/\s+/).length <= 12) || (p.length <= 40 && isoDay(p) !== null);
    if (!furniture) break;
  }
  return paragraphs.slice(i).join('\n\n');
}

/**
 * Extract the article a document shows. Readability works on a clone, so the page is left as it
 * is; null when the page holds no article-like text.
 */
export function extractArticle(doc: Document, pageUrl: string): ArticleDraft | null {
  const ld = jsonLdArticles(doc);
  const ldValue = (key: string) => ld.map((o) => o[key]).find((x) => x !== undefined && x !== null);
  const parsed = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200 }).parse();
  const body = parsed?.content ? new DOMParser().parseFromString(`<!doctype html><body>${parsed.content}`, 'text/html').body : null;
  const text = body ? blockText(body).replace(CONTROL, ' ').replace(LONE_SURROGATE, '\uFFFD') : '';
  if (!text || text.split(/\s+/).length < 5) return null;

  const title = clean(typeof ldValue('headline') === 'string' ? (ldValue('headline') as string) : meta(doc, 'og:title', 'twitter:title') ?? parsed?.title ?? doc.title, LIMITS.title);
  return {
    title,
    source: clean(meta(doc, 'og:site_name', 'application-name') ?? names(ldValue('publisher')) ?? parsed?.siteName, LIMITS.source),
    author: clean(names(ldValue('author')) ?? byline(meta(doc, 'author', 'article:author', 'parsely-author', 'byl')) ?? byline(parsed?.byline), LIMITS.author),
    date: isoDay(publishedDate(doc) ?? parsed?.publishedTime),
    url: httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), pageUrl) ?? httpUrl(meta(doc, 'og:url'), pageUrl) ?? httpUrl(pageUrl, pageUrl),
    text: dropHeadFurniture(text, title).slice(0, LIMITS.text),
  };
}

/** An article from an .html file the user picked (parsed inertly; links resolve against no page). */
export function articleFromHtml(html: string, fileUrl: string | null = null): ArticleDraft | null {
  return extractArticle(new DOMParser().parseFromString(html, 'text/html'), fileUrl ?? 'about:blank');
}
