/**
 * The extension's own marks: wraps matched spans of page text in elements whose tag name is random
 * per page load (a page cannot predefine it or probe for it), keeps every mark it made in a registry
 * (page-made look-alikes are never trusted), and removes them again leaving the exact original text.
 */
import type { Matcher, MatchHow, Mention } from '../match';
import { MAX_CLAIM_CHARS } from '../messages';
import type { MarkScope } from '../settings';
import { splitSentencesWithOffsets } from '../text';
import { readableTextWalker, Scope } from './scope';

export interface MarkInfo {
  termId: string;
  how: MatchHow;
  /** the block (paragraph) the mark belongs to: one tab stop per block */
  block: Element;
  /** false inside links, summaries, labels and other controls: the control keeps its name, click and keys */
  interactive: boolean;
}

const BLOCK = /^(P|LI|TD|TH|DD|DT|H[1-6]|BLOCKQUOTE|FIGCAPTION|CAPTION|ARTICLE|SECTION|DIV|MAIN|BODY|SUMMARY|HEADER|FOOTER|ASIDE|FIGURE|LABEL)$/;
/** Ancestors that own clicks and keys: a mark inside them stays passive. */
const CONTROL = 'a[href], summary, label, button, [role="link"], [role="button"], [role="tab"], [role="menuitem"], [onclick]';

/**
 * A random tag name without a hyphen: not a valid custom element name, so a page that learns it
 * (from a mark or our stylesheet) cannot define it and run its own code in every mark we make.
 */
function randomName(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}${[...bytes].map((b) => 'abcdefghijklmnopqrstuvwxyz'[b % 26]).join('')}`;
}

export function blockOf(node: Node): Element {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && !BLOCK.test(el.tagName.toUpperCase())) el = el.parentElement;
  return el ?? (node.ownerDocument?.body ?? node.ownerDocument!.documentElement);
}

/** Above this many marks, all() keeps the order marks were made in (see there). */
export const SORTED_MARKS = 5000;
/**
 * Marks in one block at most. Every change to a block lays it out again: a paragraph of one 5 MB
 * text node with 256,000 marks made in slices was laid out again after each slice, and the page
 * stopped answering for minutes. No reader goes through more mentions in one paragraph.
 */
export const MAX_MARKS_PER_BLOCK = 3000;

export class MarkRegistry {
  /** random per instance: e.g. "ccqwhzktab" */
  readonly tag = randomName('cc');
  private marks = new Map<HTMLElement, MarkInfo>();
  private byBlock = new Map<Element, HTMLElement[]>();
  /** each block's tab stop (one per block), so wrapping never rescans a block's marks */
  private stops = new Map<Element, HTMLElement>();
  /** marks made per block (MAX_MARKS_PER_BLOCK) */
  private counts = new Map<Element, number>();

  get size(): number {
    return this.marks.size;
  }

  info(el: Element | null | undefined): MarkInfo | undefined {
    return el ? this.marks.get(el as HTMLElement) : undefined;
  }

  /** The mark that `node` is in, if it is one of ours. */
  markOf(node: Node | null | undefined): HTMLElement | null {
    for (let n: Node | null | undefined = node; n; n = n.parentNode) if (this.marks.has(n as HTMLElement)) return n as HTMLElement;
    return null;
  }

  /**
   * Our marks in document order (connected ones only: a page may remove them). Past SORTED_MARKS
   * they stay in the order they were made (on screen first, then the page in order): sorting marks
   * that are siblings costs each comparison a walk over their siblings, quadratic on one huge node.
   */
  all(): HTMLElement[] {
    const out: HTMLElement[] = [];
    for (const [el] of this.marks) if (el.isConnected) out.push(el);
    if (out.length > SORTED_MARKS) return out;
    return out.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** The marks of one block, in document order. */
  group(block: Element): HTMLElement[] {
    return (this.byBlock.get(block) ?? []).filter((m) => m.isConnected);
  }

  /** How many more marks the block of `node` may take. */
  room(node: Node): number {
    return MAX_MARKS_PER_BLOCK - (this.counts.get(blockOf(node)) ?? 0);
  }

  /** Wrap the mentions found in one text node (as many as its block has room for). Returns the marks created. */
  wrap(node: Text, mentions: Mention[]): HTMLElement[] {
    const parent = node.parentNode;
    if (!mentions.length || !parent) return [];
    const doc = node.ownerDocument;
    const text = node.nodeValue ?? '';
    const block = blockOf(node);
    let room = MAX_MARKS_PER_BLOCK - (this.counts.get(block) ?? 0);
    if (room <= 0) return [];
    const interactive = !(parent as Element).closest?.(CONTROL);
    const group = this.byBlock.get(block) ?? [];
    this.byBlock.set(block, group);
    const stop = this.stops.get(block);
    let hasStop = !!stop && stop.isConnected && stop.tabIndex === 0;
    const frag = doc.createDocumentFragment();
    const made: HTMLElement[] = [];
    let pos = 0;
    for (const m of mentions) {
      if (m.start < pos) continue;
      if (room-- <= 0) break;
      if (m.start > pos) frag.appendChild(doc.createTextNode(text.slice(pos, m.start)));
      const mark = doc.createElement(this.tag);
      mark.textContent = text.slice(m.start, m.end);
      if (interactive) {
        mark.setAttribute('role', 'button');
        mark.setAttribute('aria-haspopup', 'dialog');
        mark.setAttribute('aria-expanded', 'false');
        // Roving tabindex: the first mark of a block is its one tab stop; arrows move within it.
        mark.tabIndex = hasStop ? -1 : 0;
        if (!hasStop) this.stops.set(block, mark);
        hasStop = true;
        group.push(mark);
      }
      this.marks.set(mark, { termId: m.termId, how: m.how, block, interactive });
      frag.appendChild(mark);
      made.push(mark);
      pos = m.end;
    }
    if (pos < text.length) frag.appendChild(doc.createTextNode(text.slice(pos)));
    parent.replaceChild(frag, node);
    this.counts.set(block, (this.counts.get(block) ?? 0) + made.length);
    return made;
  }

  /** Forget marks the page removed from the document. */
  prune(): void {
    this.counts.clear();
    for (const [el, info] of this.marks) {
      if (!el.isConnected) this.marks.delete(el);
      else this.counts.set(info.block, (this.counts.get(info.block) ?? 0) + 1);
    }
    for (const [block, group] of this.byBlock) {
      const live = group.filter((g) => g.isConnected);
      if (live.length) this.byBlock.set(block, live);
      else this.byBlock.delete(block);
    }
    for (const [block, stop] of this.stops) if (!stop.isConnected) this.stops.delete(block);
  }

  /** Remove every mark, restoring the original text nodes. Returns how many were removed. */
  clear(): number {
    const parents = new Set<Node>();
    let n = 0;
    for (const [mark] of this.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      parent.replaceChild(mark.ownerDocument.createTextNode(mark.textContent ?? ''), mark);
      parents.add(parent);
      n++;
    }
    for (const p of parents) p.normalize();
    this.marks.clear();
    this.byBlock.clear();
    this.stops.clear();
    this.counts.clear();
    return n;
  }
}

/** How much block text on each side of a mark is read to find its sentence (sentences are cut at MAX_CLAIM_CHARS). */
export const SENTENCE_WINDOW = 1200;

/** Up to `max` characters of the block's text before (back) or after `from`, read node by node. */
function textBeside(block: Element, from: Node, back: boolean, max: number): string {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  walker.currentNode = back ? from : (from.lastChild ?? from);
  const parts: string[] = [];
  let n = 0;
  while (n < max) {
    const t = back ? walker.previousNode() : walker.nextNode();
    if (!t) break;
    if (!back && from.contains(t)) continue;
    const v = t.nodeValue ?? '';
    const part = back ? v.slice(Math.max(0, v.length - (max - n))) : v.slice(0, max - n);
    parts.push(part);
    n += part.length;
  }
  return (back ? parts.reverse() : parts).join('');
}

/**
 * The sentence of the page around a mark: the claim the reports are compared with. Only a window
 * of SENTENCE_WINDOW characters on each side is read, so the cost per mark does not grow with the
 * block (one 5 MB text node of one repeated sentence made this quadratic). Whitespace of the page
 * source (line breaks included) is read as a plain space, so a sentence is never cut at a source
 * line break.
 */
export function sentenceAround(mark: Element): string {
  const block = blockOf(mark.parentNode ?? mark);
  const before = textBeside(block, mark, true, SENTENCE_WINDOW);
  const own = mark.textContent ?? '';
  const after = textBeside(block, mark, false, SENTENCE_WINDOW);
  const offset = before.length;
  // Same length as the source text, so offsets still line up.
  const text = (before + own + after).replace(/\s/g, ' ');
  const spans = splitSentencesWithOffsets(text);
  const hit = spans.find((s) => s.start <= offset && offset < s.end) ?? spans.find((s) => s.end >= offset);
  const sentence = (hit?.text ?? own).replace(/\s+/g, ' ').trim();
  return sentence.length > MAX_CLAIM_CHARS ? sentence.slice(0, MAX_CLAIM_CHARS) : sentence;
}

/** Readable text nodes under `root`, in document order (synchronous: tools and tests). */
export function textNodes(root: Node, mode: MarkScope = 'everywhere', main: Element | null = null): Text[] {
  const walker = readableTextWalker(root, new Scope(mode, main, () => false));
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Mark every mention under `root` at once (synchronous: tools and tests; the page marks in slices). */
export function markAll(root: Node, matcher: Matcher, registry = new MarkRegistry(), mode: MarkScope = 'everywhere'): HTMLElement[] {
  const made: HTMLElement[] = [];
  for (const node of textNodes(root, mode)) made.push(...registry.wrap(node, matcher.find(node.nodeValue ?? '')));
  return made;
}
