/**
 * Everything the content script does on a page: mark mentions, keep marking content added
 * later, open the popover on hover (after an intent delay) or keyboard focus, close it on Esc or
 * when the pointer/focus leaves, and remove/restore all marks when the site is switched off/on.
 */
import { Matcher } from '../match';
import type { DictionaryReply, ExplainReply, PageMention } from '../messages';
import { MARK_TAG, markAll, sentenceAround, unmarkAll, UI_TAG } from './marks';
import { PopoverHost } from './popover';

export interface PageApi {
  dictionary(): Promise<DictionaryReply>;
  explain(termId: string, claim: string): Promise<ExplainReply | null>;
  reportCount(count: number): void;
}

export const HOVER_OPEN_MS = 350;
export const HOVER_CLOSE_MS = 300;
const MUTATION_DEBOUNCE_MS = 150;

export class PageController {
  private matcher: Matcher | null = null;
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private popover: PopoverHost;
  private request = 0;
  enabled = false;

  constructor(private doc: Document, private api: PageApi) {
    this.popover = new PopoverHost(doc, () => this.close(true));
  }

  async enable(): Promise<void> {
    if (this.enabled) return;
    this.enabled = true;
    if (!this.matcher) this.matcher = new Matcher((await this.api.dictionary()).terms);
    if (!this.enabled) return;
    this.markRoots([this.doc.body]);
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observe();
    this.listen(true);
  }

  disable(): void {
    if (!this.enabled) return;
    this.enabled = false;
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.flushTimer);
    this.pending.clear();
    this.close(false);
    this.listen(false);
    unmarkAll(this.doc.body);
    this.api.reportCount(0);
  }

  marks(): HTMLElement[] {
    return [...this.doc.querySelectorAll<HTMLElement>(MARK_TAG)];
  }

  mentions(): PageMention[] {
    const by = new Map<string, PageMention>();
    for (const m of this.marks()) {
      const id = m.dataset.term!;
      const e = by.get(id) ?? { termId: id, label: this.matcher?.terms.get(id)?.label ?? id, count: 0 };
      e.count++;
      by.set(id, e);
    }
    return [...by.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }

  private observe(): void {
    this.observer?.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
  }

  /** Mark under `roots` with the observer paused, so our own edits are not seen as new content. */
  private markRoots(roots: Node[]): void {
    const matcher = this.matcher;
    if (!matcher) return;
    const start = performance.now();
    this.observer?.disconnect();
    for (const root of roots) if (root.isConnected) markAll(root, matcher);
    if (this.observer) this.observe();
    // A User Timing entry per pass, so benchmarks can read the cost in a real browser.
    performance.measure?.('crosscheck:mark-pass', { start, end: performance.now() });
    this.api.reportCount(this.marks().length);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      const target = r.type === 'characterData' ? r.target : null;
      const nodes = target ? [target] : [...r.addedNodes];
      for (const n of nodes) {
        const el = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement;
        if (!el || el.closest(`${MARK_TAG},${UI_TAG}`)) continue;
        this.pending.add(n);
      }
    }
    if (!this.pending.size) return;
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      const pending = this.pending;
      this.pending = new Set();
      // Skip nodes inside another pending node: it will be walked anyway (an ancestor walk, not
      // an all-pairs check: infinite-scroll pages add hundreds of nodes at once).
      const roots = [...pending].filter((n) => {
        for (let p = n.parentNode; p; p = p.parentNode) if (pending.has(p)) return false;
        return true;
      });
      this.markRoots(roots);
    }, MUTATION_DEBOUNCE_MS);
  }

  // --- popover interaction ---
  private handlers: [string, (e: Event) => void][] = [
    ['mouseover', (e) => this.onOver(e as MouseEvent)],
    ['mouseout', (e) => this.onOut(e as MouseEvent)],
    ['focusin', (e) => this.onFocusIn(e as FocusEvent)],
    ['focusout', (e) => this.onFocusOut(e as FocusEvent)],
    ['keydown', (e) => this.onKey(e as KeyboardEvent)],
    ['scroll', () => this.popover.position()],
  ];

  private listen(on: boolean): void {
    for (const [type, fn] of this.handlers) {
      if (on) this.doc.addEventListener(type, fn, true);
      else this.doc.removeEventListener(type, fn, true);
    }
  }

  private markOf(t: EventTarget | null): HTMLElement | null {
    return t instanceof Element ? (t.closest(MARK_TAG) as HTMLElement | null) : null;
  }

  private onOver(e: MouseEvent): void {
    if (this.popover.contains(e.target as Node)) {
      clearTimeout(this.closeTimer);
      return;
    }
    const mark = this.markOf(e.target);
    if (!mark) return;
    clearTimeout(this.closeTimer);
    if (this.popover.anchor === mark) return;
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => void this.open(mark), HOVER_OPEN_MS);
  }

  private onOut(e: MouseEvent): void {
    const to = e.relatedTarget as Node | null;
    const fromMark = this.markOf(e.target);
    if (fromMark && this.markOf(to) !== fromMark) clearTimeout(this.openTimer);
    const leavingUi = fromMark || this.popover.contains(e.target as Node);
    if (leavingUi && this.popover.isOpen && !this.popover.contains(to) && this.markOf(to) !== this.popover.anchor) {
      clearTimeout(this.closeTimer);
      this.closeTimer = setTimeout(() => this.close(false), HOVER_CLOSE_MS);
    }
  }

  private onFocusIn(e: FocusEvent): void {
    const mark = this.markOf(e.target);
    if (mark && this.popover.anchor !== mark) void this.open(mark);
    if (mark || this.popover.contains(e.target as Node)) clearTimeout(this.closeTimer);
  }

  private onFocusOut(e: FocusEvent): void {
    if (!this.popover.isOpen) return;
    const to = e.relatedTarget as Node | null;
    if (this.popover.contains(to) || this.markOf(to) === this.popover.anchor) return;
    if (this.markOf(e.target) || this.popover.contains(e.target as Node)) {
      clearTimeout(this.closeTimer);
      this.closeTimer = setTimeout(() => this.close(false), HOVER_CLOSE_MS);
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.popover.isOpen) {
      e.stopPropagation();
      this.close(true);
      return;
    }
    const mark = this.markOf(e.target);
    if (mark && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      void this.open(mark).then(() => this.popover.focus());
    }
  }

  async open(mark: HTMLElement): Promise<void> {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    const termId = mark.dataset.term!;
    const label = this.matcher?.terms.get(termId)?.label ?? mark.textContent ?? '';
    const id = ++this.request;
    mark.setAttribute('aria-expanded', 'true');
    this.popover.show(mark, { status: 'loading', label });
    try {
      const data = await this.api.explain(termId, sentenceAround(mark));
      if (id !== this.request || this.popover.anchor !== mark) return;
      if (!data) this.popover.show(mark, { status: 'error', label, message: 'this term is no longer in the corpus' });
      else this.popover.show(mark, { status: 'ready', data });
    } catch (err) {
      if (id === this.request && this.popover.anchor === mark) this.popover.show(mark, { status: 'error', label, message: String(err) });
    }
  }

  close(returnFocus: boolean): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    const anchor = this.popover.anchor as HTMLElement | null;
    if (!anchor) return;
    this.request++;
    anchor.removeAttribute('aria-expanded');
    this.popover.hide();
    if (returnFocus && anchor.isConnected) anchor.focus({ preventScroll: true });
  }
}
