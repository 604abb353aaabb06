/**
 * One marking pass over parts of the page, in slices under SLICE_MS: walks readable text (into
 * open shadow roots), matches it (long text nodes in chunks) and wraps mentions, yielding to the
 * page between slices. What is on screen is marked first.
 */
import type { Matcher, Mention } from '../match';
import type { MarkRegistry } from './marks';
import { SliceClock, yieldToPage } from './schedule';
import { readableTextWalker, type Scope } from './scope';
import { Visibility } from './visible';

/** Text longer than this is matched in pieces, so one node never makes a long task. */
export const CHUNK_CHARS = 4000;


export interface PassDeps {
  registry: MarkRegistry;
  matcher: Matcher;
  scope: Scope;
  clock: SliceClock;
  signal: AbortSignal;
  /** text nodes already matched in this pass (viewport first means some are met twice) */
  seen: WeakSet<Text>;
  /** an open shadow root met on the way: it gets marked and observed too */
  onShadowRoot(root: ShadowRoot): void;
  /** called at the end of each slice (the controller drops the mutation records of our own edits) */
  afterSlice(): void;
  /** text with mentions that a reader cannot see: left unmarked, to be looked at again when it may show */
  onHidden?(node: Text): void;
}

/** Chunk boundaries of a long text: cut after a sentence end, else a line break, else a space. */
export function chunkBounds(text: string, size = CHUNK_CHARS): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      // Searched in the chunk's second half only: a text without any break is still read once.
      const floor = start + Math.floor(size / 2);
      const half = text.slice(floor, end);
      const sentence = half.lastIndexOf('. ', half.length - 2);
      const line = half.lastIndexOf('\n');
      const space = half.lastIndexOf(' ');
      if (sentence > 0) end = floor + sentence + 2;
      else if (line > 0) end = floor + line + 1;
      else if (space > 0) end = floor + space + 1;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** The element on screen where the reader looks first, as a root to mark before the rest. */
export function viewportRoot(doc: Document): Element | null {
  const view = doc.defaultView;
  if (!view || typeof doc.elementFromPoint !== 'function') return null;
  const hit = doc.elementFromPoint(view.innerWidth / 2, view.innerHeight / 3);
  // A few levels up: the section being read, not the whole page.
  let el: Element | null = hit;
  for (let i = 0; i < 3 && el?.parentElement && el.parentElement !== doc.body; i++) el = el.parentElement;
  return el && el !== doc.documentElement && el !== doc.body ? el : null;
}

async function matchText(node: Text, deps: PassDeps): Promise<Mention[] | null> {
  const text = node.nodeValue ?? '';
  if (text.length <= CHUNK_CHARS) return deps.matcher.find(text);
  const found: Mention[] = [];
  for (const [start, end] of chunkBounds(text)) {
    if (deps.clock.over) {
      deps.afterSlice();
      deps.clock.end();
      await yieldToPage(deps.signal);
      deps.clock.begin();
      if (node.nodeValue !== text) return null; // the page changed it meanwhile: a mutation will bring it back
    }
    for (const m of deps.matcher.find(text.slice(start, end))) found.push({ ...m, start: m.start + start, end: m.end + start });
  }
  return found;
}

/** Mark under each root in turn (already-marked text is skipped). Resolves with the marks made. */
export async function markInSlices(roots: Node[], deps: PassDeps): Promise<number> {
  const { registry, scope, clock, signal, seen } = deps;
  let made = 0;
  /** text matched in this slice, wrapped at its end: layout is read for all of it before any mark is made */
  let batch: { node: Text; text: string; mentions: Mention[] }[] = [];
  const flush = () => {
    const visibility = new Visibility();
    const shown = batch.filter(({ node, text }) => {
      if (!node.isConnected || node.nodeValue !== text) return false; // changed meanwhile: a mutation brings it back
      const el = node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host;
      if (el && visibility.visible(el)) return true;
      seen.delete(node);
      deps.onHidden?.(node);
      return false;
    });
    for (const { node, mentions } of shown) made += registry.wrap(node, mentions).length;
    batch = [];
  };
  /** roots of this pass walked to the end: a later root around one of them (the page around its main text) skips it */
  const done = new Set<Node>();
  clock.begin();
  for (const root of roots) {
    if (!root.isConnected) continue;
    // The root's own ancestors decide too (content added later inside a nav is still chrome).
    const host = root.nodeType === 11 ? (root as ShadowRoot).host : root.nodeType === 1 ? (root as Element) : root.parentElement;
    if (root.nodeType !== 9 && !scope.allows(host)) continue;
    const walker = readableTextWalker(root, scope, done, deps.onShadowRoot);
    // A text node is wrapped only once the walker has moved past it (wrapping replaces it).
    let held: Text | null = root.nodeType === 3 && !seen.has(root as Text) ? (root as Text) : null;
    for (;;) {
      const next = held === root ? null : (walker.nextNode() as Text | null);
      if (held) {
        seen.add(held);
        const text = held.nodeValue ?? '';
        const mentions = held.isConnected ? await matchText(held, deps) : null;
        if (mentions?.length && held.isConnected) batch.push({ node: held, text, mentions });
      }
      held = next && !seen.has(next) ? next : null; // text met before (on screen first) is passed over here, between time checks
      if (!next) break;
      if (clock.over) {
        flush();
        deps.afterSlice();
        clock.end();
        await yieldToPage(signal);
        clock.begin();
      }
    }
    flush();
    if (!signal.aborted && root.nodeType !== 3) done.add(root);
  }
  deps.afterSlice();
  clock.end();
  return made;
}
