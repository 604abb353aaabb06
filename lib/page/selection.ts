/**
 * The reader's selection as "Check with Crosscheck" reads it: the whole sentence(s) it touches
 * (a few words of a sentence check that sentence; a selection over paragraphs checks each of their
 * sentences, the first MAX_SELECTED_SENTENCES), and where it is on screen, for the popover to sit at.
 */
import type { VirtualElement } from '@floating-ui/dom';
import { MAX_CLAIM_CHARS, MAX_SELECTED_SENTENCES } from '../messages';
import { splitSentencesWithOffsets } from '../text';
import { blockOf, SENTENCE_WINDOW } from './marks';

/**
 * The sentences that `selected` touches, whole: `before` and `after` are the text of its block on
 * either side (empty when the selection starts or ends at a block's edge). Line breaks inside
 * `selected` (between blocks) end a sentence; those of the page source around it do not. Pure.
 */
export function selectedSentences(before: string, selected: string, after: string): string[] {
  const core = selected.trim();
  if (!core) return [];
  // a selection of a whole page: its first sentences are enough
  const cap = MAX_SELECTED_SENTENCES * MAX_CLAIM_CHARS;
  const cut = selected.length > cap;
  const own = cut ? selected.slice(0, cap) : selected;
  const b = before.slice(-SENTENCE_WINDOW).replace(/\s/g, ' ');
  const a = cut ? '' : after.slice(0, SENTENCE_WINDOW).replace(/\s/g, ' ');
  const start = b.length + (own.length - own.trimStart().length);
  const end = b.length + own.trimEnd().length;
  return splitSentencesWithOffsets(b + own + a)
    .filter((s) => s.start < end && s.end > start)
    .slice(0, MAX_SELECTED_SENTENCES)
    .map((s) => s.text.replace(/\s+/g, ' ').trim().slice(0, MAX_CLAIM_CHARS))
    .filter(Boolean);
}

/** The text of `range`'s block before its start (`side` 'before') or after its end; empty at the block's edge. */
function blockText(range: Range, side: 'before' | 'after'): string {
  const [node, offset] = side === 'before' ? [range.startContainer, range.startOffset] : [range.endContainer, range.endOffset];
  const block = blockOf(node);
  const span = (from: [Node, number], to: [Node, number]) => {
    const r = range.cloneRange();
    r.setStart(...from);
    r.setEnd(...to);
    return r.toString();
  };
  const blockStart: [Node, number] = [block, 0];
  const blockEnd: [Node, number] = [block, block.childNodes.length];
  if (side === 'before') {
    // nothing of this block is selected: the selection starts in a later one
    if (!span([node, offset], blockEnd).trim()) return '';
    return span(blockStart, [node, offset]).slice(-SENTENCE_WINDOW);
  }
  if (!span(blockStart, [node, offset]).trim()) return '';
  return span([node, offset], blockEnd).slice(0, SENTENCE_WINDOW);
}

/** A stand-in for an element at a range's place on screen (for @floating-ui/dom), following scroll. */
export function rangeAnchor(range: Range): VirtualElement {
  const start = range.startContainer;
  const el = start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement;
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    ...(el && { contextElement: el }),
  };
}

export interface ReaderSelection {
  sentences: string[];
  anchor: VirtualElement;
}

/** The document's selection as sentences and a place for the popover; null when nothing (readable) is selected. */
export function readSelection(doc: Document): ReaderSelection | null {
  const sel = doc.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  // text typed in a field is not the page's text
  const active = doc.activeElement;
  if (active && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA')) return null;
  const first = sel.getRangeAt(0);
  const last = sel.getRangeAt(sel.rangeCount - 1);
  const range = first.cloneRange();
  range.setEnd(last.endContainer, last.endOffset);
  const sentences = selectedSentences(blockText(range, 'before'), sel.toString(), blockText(range, 'after'));
  return sentences.length ? { sentences, anchor: rangeAnchor(range) } : null;
}
