/**
 * Marking mentions in a live page: finds readable text nodes (not inputs, editable regions,
 * scripts, hidden elements or our own UI), wraps matched spans in <crosscheck-mark> elements and
 * removes them again without leaving traces.
 */
import type { Matcher, Mention } from '../match';
import { splitSentencesWithOffsets } from '../text';

export const MARK_TAG = 'crosscheck-mark';
export const UI_TAG = 'crosscheck-ui';

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH',
  'IFRAME', 'CANVAS', 'TEMPLATE', 'HEAD', 'TITLE', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO',
  MARK_TAG.toUpperCase(), UI_TAG.toUpperCase(),
]);

function excludesItself(e: Element): boolean {
  if (SKIP_TAGS.has(e.tagName.toUpperCase())) return true;
  const editable = e.getAttribute('contenteditable');
  if (editable === 'true' || editable === '' || editable === 'plaintext-only') return true;
  return e.getAttribute('aria-hidden') === 'true' || e.hasAttribute('hidden') || e.getAttribute('role') === 'textbox';
}

/** True if text inside `el` must never be marked. `cache` memoises answers for ancestors. */
export function isExcluded(el: Element, cache?: Map<Element, boolean>): boolean {
  const known = cache?.get(el);
  if (known !== undefined) return known;
  const parent = el.parentElement;
  const ex = excludesItself(el) || (el as HTMLElement).isContentEditable === true || (!!parent && isExcluded(parent, cache));
  cache?.set(el, ex);
  return ex;
}

/** Readable text nodes under `root`, in document order. */
export function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  const excludedCache = new Map<Element, boolean>();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || !node.nodeValue || node.nodeValue.trim().length < 2) return NodeFilter.FILTER_REJECT;
      return isExcluded(parent, excludedCache) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  if (root.nodeType === Node.TEXT_NODE) {
    const parent = root.parentElement;
    return parent && !isExcluded(parent) ? [root as Text] : [];
  }
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Wrap the mentions found in one text node. Returns the marks created. */
export function markTextNode(node: Text, mentions: Mention[], labelOf: (termId: string) => string): HTMLElement[] {
  if (!mentions.length || !node.parentNode) return [];
  const doc = node.ownerDocument;
  const text = node.nodeValue ?? '';
  const frag = doc.createDocumentFragment();
  const marks: HTMLElement[] = [];
  let pos = 0;
  for (const m of mentions) {
    if (m.start < pos) continue;
    if (m.start > pos) frag.appendChild(doc.createTextNode(text.slice(pos, m.start)));
    const mark = doc.createElement(MARK_TAG);
    mark.textContent = text.slice(m.start, m.end);
    mark.dataset.term = m.termId;
    mark.dataset.how = m.how;
    mark.tabIndex = 0;
    mark.setAttribute('role', 'button');
    mark.setAttribute('aria-haspopup', 'dialog');
    mark.setAttribute('aria-label', `${mark.textContent}: Crosscheck reports about ${labelOf(m.termId)}`);
    frag.appendChild(mark);
    marks.push(mark);
    pos = m.end;
  }
  if (pos < text.length) frag.appendChild(doc.createTextNode(text.slice(pos)));
  node.parentNode.replaceChild(frag, node);
  return marks;
}

/** Mark every mention under `root`; returns the marks created. */
export function markAll(root: Node, matcher: Matcher): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const label = (id: string) => matcher.terms.get(id)?.label ?? id;
  for (const node of textNodes(root)) {
    const found = matcher.find(node.nodeValue ?? '');
    if (found.length) marks.push(...markTextNode(node, found, label));
  }
  return marks;
}

/** Remove every mark under `root`, restoring the original text nodes. */
export function unmarkAll(root: ParentNode): number {
  const marks = [...root.querySelectorAll(MARK_TAG)];
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    parent.replaceChild(mark.ownerDocument.createTextNode(mark.textContent ?? ''), mark);
    parents.add(parent);
  }
  for (const p of parents) p.normalize();
  return marks.length;
}

const BLOCK = /^(P|LI|TD|TH|DD|DT|H[1-6]|BLOCKQUOTE|FIGCAPTION|CAPTION|ARTICLE|SECTION|DIV|MAIN|BODY|SUMMARY)$/;

/** The sentence of the page around a mark: the claim the reports are compared with. */
export function sentenceAround(mark: Element): string {
  let block: Element | null = mark.parentElement;
  while (block && !BLOCK.test(block.tagName)) block = block.parentElement;
  block ??= mark.ownerDocument.body;
  const range = mark.ownerDocument.createRange();
  range.selectNodeContents(block);
  range.setEndBefore(mark);
  const offset = range.toString().length;
  const text = block.textContent ?? '';
  const spans = splitSentencesWithOffsets(text);
  const hit = spans.find((s) => s.start <= offset && offset < s.end) ?? spans.find((s) => s.end >= offset);
  const sentence = (hit?.text ?? mark.textContent ?? '').replace(/\s+/g, ' ').trim();
  return sentence.length > 600 ? sentence.slice(0, 600) : sentence;
}
