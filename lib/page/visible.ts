/**
 * Is a text node's element something a reader can see? Only visible text is marked: marks on
 * hidden text would let a page learn, silently, which names the reader's corpus knows (it inserts
 * candidate names invisibly and watches which get wrapped). Hidden means: not rendered or
 * invisible (display, visibility, content-visibility, a closed <details>, opacity 0 on any
 * ancestor: checkVisibility), font-size 0, transparent text, entirely off the document's top or
 * left, or clipped away by an ancestor (clip-path inset of 50% or more, clip: rect(0 0 0 0),
 * overflow hidden on a box a pixel high or wide or less: screen-reader-only text). `inert` and `hidden` subtrees are never walked at all (scope.ts). The answers are memoised per
 * batch (layout read once per slice, before that slice's marks are made).
 */

/** Alpha of a computed colour ("rgba(0, 0, 0, 0)", "transparent", "rgb(…)"). */
function alpha(colour: string): number {
  if (!colour || colour === 'transparent') return colour ? 0 : 1;
  const m = /rgba?\(([^)]+)\)/.exec(colour);
  if (!m) return 1;
  const parts = m[1]!.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 4) return 1;
  const a = parts[3]!;
  return a.endsWith('%') ? parseFloat(a) / 100 : parseFloat(a);
}

const CLIPS = /^(hidden|clip|auto|scroll)$/;

/** True if `el` (with its subtree) is clipped away entirely by its own box or styles. */
function clipsAll(el: Element, cs: CSSStyleDeclaration): boolean {
  const clipPath = cs.clipPath;
  const inset = clipPath && /^inset\(\s*([\d.]+)%/.exec(clipPath);
  if (inset && parseFloat(inset[1]!) >= 50) return true;
  if (/^rect\(\s*0(px)?,?\s+0(px)?,?\s+0(px)?,?\s+0(px)?\s*\)$/.test(cs.clip ?? '') && (cs.position === 'absolute' || cs.position === 'fixed')) return true;
  if (CLIPS.test(cs.overflowX) || CLIPS.test(cs.overflowY)) {
    const r = el.getBoundingClientRect();
    if (el.getClientRects().length && (r.width <= 1 || r.height <= 1)) return true;
  }
  return false;
}

export class Visibility {
  private clipped = new Map<Element, boolean>();
  private answers = new Map<Element, boolean>();

  /** True if the text directly inside `el` can be seen by a reader. */
  visible(el: Element): boolean {
    let v = this.answers.get(el);
    if (v === undefined) this.answers.set(el, (v = this.compute(el)));
    return v;
  }

  private compute(el: Element): boolean {
    const view = el.ownerDocument.defaultView;
    if (!view) return false;
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true } as CheckVisibilityOptions)) return false;
    const cs = view.getComputedStyle(el);
    const size = parseFloat(cs.fontSize);
    if (size < 1) return false;
    if (alpha(cs.color) === 0 && alpha(cs.getPropertyValue('-webkit-text-fill-color') || cs.color) === 0 && !this.textClip(el)) return false;
    // entirely left of or above the document: never scrolled into view
    const r = el.getBoundingClientRect();
    if (r.right + view.scrollX < 0 || r.bottom + view.scrollY < 0) return false;
    for (let a: Element | null = el; a && a !== el.ownerDocument.documentElement; a = a.parentElement ?? ((a.parentNode as ShadowRoot | null)?.host ?? null)) {
      let c = this.clipped.get(a);
      if (c === undefined) this.clipped.set(a, (c = clipsAll(a, a === el ? cs : view.getComputedStyle(a))));
      if (c) return false;
    }
    return true;
  }

  /** Gradient text: transparent glyphs that show the background through them (background-clip: text). */
  private textClip(el: Element): boolean {
    const view = el.ownerDocument.defaultView!;
    for (let a: Element | null = el, i = 0; a && i < 3; a = a.parentElement, i++) {
      const cs = view.getComputedStyle(a);
      if (cs.backgroundClip === 'text' || cs.getPropertyValue('-webkit-background-clip') === 'text') return true;
    }
    return false;
  }
}
