/**
 * Where marks may go: which elements are never marked (controls, editors, code, hidden text) and,
 * in 'article' scope, which are site chrome (navigation, menus, headers/footers, link lists, bylines,
 * captions), plus the page's main content root, found with readability-style scoring.
 */
import type { MarkScope } from '../settings';

/** Elements whose text is never marked, in any scope. */
const NEVER = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH',
  'IFRAME', 'FRAME', 'FRAMESET', 'CANVAS', 'TEMPLATE', 'HEAD', 'TITLE', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'DIALOG',
]);

/** Site chrome by element name (article scope). */
const CHROME_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'MENU', 'FORM', 'FIGCAPTION', 'ADDRESS']);
const CHROME_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'menu', 'menubar', 'menuitem', 'toolbar', 'search', 'complementary', 'tablist', 'tab',
  'dialog', 'alertdialog', 'alert', 'button', 'listbox', 'tree', 'grid',
]);
/** Class/id words of site chrome (after Readability's "unlikely candidates"), unless they also say "article"/"content". */
const CHROME_CLASS =
  /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|footer|header|masthead|sidebar|related|recirc|promo|sponsor|social|share|sharing|newsletter|subscribe|byline|author|caption|credit|comments?|pagination|pager|popup|modal|banner|ad|ads|advert|trending|most-?read|outbrain|taboola|toolbar|skip)(?:$|[\s_-])/i;
const CONTENT_CLASS = /article|body|content|story|main|post|text/i;
const LISTS = new Set(['UL', 'OL', 'MENU', 'DL']);

/** True if `el` itself (not its ancestors) keeps its text from ever being marked. */
export function neverMarked(el: Element): boolean {
  if (NEVER.has(el.tagName.toUpperCase())) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable === 'true' || editable === '' || editable === 'plaintext-only') return true;
  const role = el.getAttribute('role');
  return el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden') || el.hasAttribute('inert') || role === 'textbox' || role === 'searchbox';
}

/** Share of an element's text that sits inside links. */
export function linkDensity(el: Element): number {
  // links first: the element's whole text (megabytes on a huge page) is read only when some link has text
  let inLinks = 0;
  for (const a of el.querySelectorAll('a')) inLinks += (a.textContent ?? '').replace(/\s+/g, '').length;
  if (!inLinks) return 0;
  const total = (el.textContent ?? '').replace(/\s+/g, '').length;
  return total ? inLinks / total : 0;
}

/** True if `el` is site chrome: navigation, menus, headers/footers, link lists, bylines, captions. */
export function isChrome(el: Element, main: Element | null): boolean {
  const tag = el.tagName.toUpperCase();
  // An <article>'s own header (headline, standfirst) is content; the page's header is not.
  if (tag === 'HEADER' && main && main !== el && main.contains(el) && el.closest('article')) return false;
  if (CHROME_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  if (/^H[1-6]$/.test(tag) && main && !main.contains(el)) return true;
  const names = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
  if (names.length > 1 && CHROME_CLASS.test(names) && !CONTENT_CLASS.test(names) && el !== main && !el.contains(main)) return true;
  if ((LISTS.has(tag) || role === 'list') && linkDensity(el) > 0.5) return true;
  return false;
}

/** The element holding the page's main text: schema/semantic markup first, then paragraph scoring. */
export function mainContent(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const marked = body.querySelector('[itemprop="articleBody"], [role="main"] article, main article');
  if (marked) return marked;
  const scores = new Map<Element, number>();
  let seen = 0;
  for (const p of body.querySelectorAll('p')) {
    if (++seen > 3000) break;
    const text = p.textContent ?? '';
    if (text.length < 60) continue;
    const score = 1 + (text.match(/,/g)?.length ?? 0) + Math.min(3, Math.floor(text.length / 100));
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    const adjusted = s * (1 - linkDensity(el));
    if (adjusted > bestScore) [best, bestScore] = [el, adjusted];
  }
  return bestScore >= 5 ? best : (body.querySelector('main, [role="main"], article') ?? null);
}

/** Decides, element by element, whether text may be marked; answers are memoised per element. */
export class Scope {
  private cache = new WeakMap<Element, boolean>();
  constructor(
    readonly mode: MarkScope,
    readonly main: Element | null,
    /** elements of our own (marks, popover host) */
    private isOwn: (el: Element) => boolean,
  ) {}

  /** True if `el` itself shuts its subtree off (ancestors are the walker's business). */
  rejects(el: Element): boolean {
    if (this.isOwn(el) || neverMarked(el)) return true;
    return this.mode === 'article' && isChrome(el, this.main);
  }

  /** True if text inside `el` may be marked, looking at all its ancestors (for nodes added later). */
  allows(el: Element | null): boolean {
    if (!el) return false;
    const known = this.cache.get(el);
    if (known !== undefined) return known;
    const parent = el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null);
    const ok = !this.rejects(el) && (el === el.ownerDocument.documentElement || !parent || this.allows(parent));
    this.cache.set(el, ok);
    return ok;
  }
}

/**
 * Text nodes longer than this are never marked. A mark changes its paragraph, and the browser then
 * lays the whole paragraph out again: 1.1–2 s for one 5 MB text node, each time (measured in
 * Chromium), so marking one froze the page whatever our own slices did. No reader reads a
 * paragraph of 200,000 characters; one that long is a dump, not prose.
 */
export const MAX_TEXT_CHARS = 200_000;

/**
 * A TreeWalker over the readable text under `root`: shut-off subtrees and those in `skip` are never
 * entered, blank text is passed over, and open shadow roots met on the way are reported. Text
 * already marked is returned (the caller passes over it between its own time checks: skipped here,
 * a subtree of 200,000 marked nodes was walked inside one nextNode() call, an 800 ms task).
 */
export function readableTextWalker(root: Node, scope: Scope, skip?: ReadonlySet<Node>, onShadowRoot?: (root: ShadowRoot) => void): TreeWalker {
  const doc = root.ownerDocument ?? (root as Document);
  return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 3) {
        const v = node.nodeValue;
        return v && v.length > 1 && v.length <= MAX_TEXT_CHARS && /\S/.test(v) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
      const el = node as Element;
      if (skip?.has(el) || scope.rejects(el)) return NodeFilter.FILTER_REJECT;
      const shadow = el.shadowRoot;
      if (shadow && onShadowRoot) onShadowRoot(shadow);
      return NodeFilter.FILTER_SKIP;
    },
  });
}
