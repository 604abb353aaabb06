/**
 * Everything the content script does on a page: marks mentions in slices (viewport and main text
 * first, chrome left alone), keeps marking what the page adds later, opens the popover on hover
 * (intent delay), click or Enter/Space, judges marks lazily for the page summary, and removes every
 * trace when switched off. Only trusted (user) events count; only marks it made itself are trusted.
 */
import { i18n } from '#i18n';
import { Matcher } from '../match';
import type { DictionaryReply, ExplainReply, PageClaim, PageMention } from '../messages';
import { DEFAULT_PREFERENCES, type Preferences } from '../settings';
import { MarkRegistry, sentenceAround } from './marks';
import { markInSlices, viewportRoot } from './pass';
import { pageClaims } from './page-claims';
import { PopoverFrame, type PopoverAnchor, type PopoverEvents, type PopoverSurface } from './popover-frame';
import { markCss } from './popover-style';
import { afterNextFrame, debounceMaxWait, SLICE_MS, SliceClock, whenIdleOrNow, yieldToPage } from './schedule';
import { mainContent, Scope } from './scope';
import { readSelection, type ReaderSelection } from './selection';
import { MAX_JUDGED_CLAIMS, Verdicts } from './verdicts';

export interface PageApi {
  dictionary(): Promise<DictionaryReply>;
  explain(termId: string, claim: string): Promise<ExplainReply | null>;
  /** marks on the page, and how many of them a report conflicts with (as far as judged) */
  reportCount(count: number, conflicts: number): void;
  /** judge the sentences of the reader's selection ("Check with Crosscheck"); without it, selections are not checked */
  check?(sentences: string[]): Promise<ExplainReply>;
}

export const HOVER_CLOSE_MS = 300;
/** New content is marked once the page is quiet for this long… */
export const MUTATION_QUIET_MS = 150;
/** …or at the latest this long after it appeared (pages that change all the time). */
export const MUTATION_MAX_WAIT_MS = 1000;

/** Every user-visible string of the controller. */
export const CONTROLLER_STRINGS = {
  gone: 'this term is no longer in the corpus',
  /** the popover's title while a selection is checked */
  get selection() {
    return i18n.t('popover.selection');
  },
};

/** Pages whose text can be marked: HTML documents (not XML, SVG or other XML vocabularies). */
export function isMarkable(doc: Document): boolean {
  // Chrome shows XML (feeds, sitemaps) in a viewer built of HTML elements: that is not readable prose.
  return /html/.test(doc.contentType ?? 'text/html') && doc.documentElement?.namespaceURI === 'http://www.w3.org/1999/xhtml' && !!doc.body;
}

/**
 * What is watched: added and changed text, and the attributes that show or hide it (hidden text
 * is left unmarked and looked at again when one of these changes on an element around it).
 */
const OBSERVE: MutationObserverInit = {
  childList: true, subtree: true, characterData: true,
  attributes: true, attributeOldValue: true, attributeFilter: ['style', 'class', 'hidden', 'open', 'inert', 'aria-hidden'],
};
/** Hidden text nodes remembered for a second look, at most. */
const MAX_HIDDEN = 2000;

/** Dictionaries larger than this are turned into a matcher in slices. */
const SLICED_MATCHER_TERMS = 1000;

export class PageController {
  readonly registry = new MarkRegistry();
  private matcher: Matcher | null = null;
  private dictionary: DictionaryReply | null = null;
  private prefs: Preferences = DEFAULT_PREFERENCES;
  private main: Element | null = null;
  /** the next pass starts by finding the main text (after enable, re-marking or a new <body>) */
  private findMain = false;
  private abort: AbortController | null = null;
  private observer: MutationObserver | null = null;
  private shadowRoots = new Set<ShadowRoot>();
  private pending = new Set<Node>();
  private seen = new WeakSet<Text>();
  /** text with mentions left unmarked because it was hidden: looked at again when attributes change around it */
  private hidden = new Set<Text>();
  private claims = new WeakMap<Element, string>();
  private style: HTMLStyleElement | null = null;
  private popover: PopoverSurface;
  private verdicts: Verdicts;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;
  /** the popover is the reader's selection check: it stays until Esc, its close button or a click elsewhere */
  private pinned = false;
  /** where focus was before a selection check took it, given back when it closes by keyboard */
  private returnTo: HTMLElement | null = null;
  /** hover, click and key listeners are on (not for a page that cannot be marked) */
  private listening = false;
  private passes: Promise<void> = Promise.resolve();
  private running = 0;
  private summaryRun = 0;
  private flush = debounceMaxWait(() => this.flushPending(), MUTATION_QUIET_MS, MUTATION_MAX_WAIT_MS);
  readonly clock = new SliceClock();
  /** total ms of each marking pass (sum of its slices), for benchmarks */
  readonly passTimes: number[] = [];
  enabled = false;

  constructor(
    private doc: Document,
    private api: PageApi,
    /** the popover (the extension-page iframe; tests render one in place) */
    makePopover: (doc: Document, events: PopoverEvents) => PopoverSurface = (d, e) => new PopoverFrame(d, e),
  ) {
    this.verdicts = new Verdicts((t, c) => api.explain(t, c));
    this.popover = makePopover(doc, {
      onClose: () => this.close(true),
      onHover: (inside) => (inside ? clearTimeout(this.closeTimer) : this.popover.hasFocus() || this.pinned || this.closeSoon()),
      onFocusLeft: () => this.closeSoon(),
    });
  }

  /** Apply the reader's preferences; re-marks when what gets marked changed. */
  async setPreferences(p: Preferences): Promise<void> {
    const before = this.prefs;
    this.prefs = p;
    const remark = before.scope !== p.scope || before.fuzzy !== p.fuzzy || before.kinds.join() !== p.kinds.join();
    if (remark && this.dictionary) {
      this.matcher = await this.buildMatcher(this.dictionary);
      if (this.enabled) this.remark();
    }
  }

  /** The corpus changed (a new index version): fetch the dictionary again and re-mark. */
  async refreshDictionary(): Promise<void> {
    this.dictionary = null;
    this.matcher = null;
    this.verdicts.clear();
    if (!this.enabled) return;
    await this.loadMatcher();
    if (this.enabled) this.remark();
  }

  /** The evidence index changed under the same dictionary: judge the sentences again. */
  refreshVerdicts(): void {
    this.verdicts.clear();
    if (this.enabled && this.matcher) this.summarise();
  }

  /**
   * A large dictionary is built in slices of a few ms (20,000 terms would otherwise hold the page's
   * thread for ~100 ms); a small one (the bundled corpus: 40 terms, ~1 ms) at once.
   */
  private async buildMatcher(d: DictionaryReply): Promise<Matcher> {
    const options = { fuzzy: this.prefs.fuzzy, kinds: this.prefs.kinds };
    if (d.terms.length <= SLICED_MATCHER_TERMS) return new Matcher(d.terms, options);
    return Matcher.create(d.terms, options, { sliceMs: 8, pause: () => yieldToPage() });
  }

  private async loadMatcher(): Promise<void> {
    if (this.matcher) return;
    this.dictionary = await this.api.dictionary();
    this.matcher = await this.buildMatcher(this.dictionary);
  }

  async enable(): Promise<void> {
    if (this.enabled) return;
    this.enabled = true;
    this.abort = new AbortController();
    await this.loadMatcher();
    if (!this.enabled || !isMarkable(this.doc)) return;
    this.addStyle();
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc.documentElement, OBSERVE);
    this.listen(this.abort.signal);
    this.remark();
  }

  disable(): void {
    if (!this.enabled) return;
    this.enabled = false;
    this.abort?.abort();
    this.abort = null;
    this.listening = false;
    this.observer?.disconnect();
    this.observer = null;
    this.flush.cancel();
    this.pending.clear();
    this.close(false);
    this.popover.destroy();
    this.registry.clear();
    this.seen = new WeakSet();
    this.hidden.clear();
    this.shadowRoots.clear();
    this.style?.remove();
    this.style = null;
    this.api.reportCount(0, 0);
  }

  /** Resolves once every marking pass queued so far has finished (tests, benchmarks). */
  async settled(): Promise<void> {
    let p: Promise<void>;
    do {
      p = this.passes;
      await p;
    } while (p !== this.passes);
  }

  get busy(): boolean {
    return this.running > 0 || this.pending.size > 0;
  }

  marks(): HTMLElement[] {
    return this.registry.all();
  }

  /** The page's mentions per term, those a report conflicts with first. */
  mentions(): PageMention[] {
    const by = new Map<string, PageMention>();
    for (const m of this.marks()) {
      const id = this.registry.info(m)!.termId;
      const e = by.get(id) ?? { termId: id, label: this.matcher?.terms.get(id)?.label ?? id, count: 0, conflicts: 0 };
      e.count++;
      const claim = this.claims.get(m);
      if (claim && this.verdicts.conflicts(id, claim)) e.conflicts++;
      by.set(id, e);
    }
    return [...by.values()].sort((a, b) => b.conflicts - a.conflicts || b.count - a.count || a.label.localeCompare(b.label));
  }

  /** The page sentences judged so far that a report conflicts with or corroborates (the popup's "On this page"). */
  claimsAtGlance(): PageClaim[] {
    return pageClaims(
      this.marks().flatMap((m) => {
        const termId = this.registry.info(m)!.termId;
        const claim = this.claims.get(m);
        return claim ? [{ termId, label: this.matcher?.terms.get(termId)?.label ?? termId, claim, reply: this.verdicts.known(termId, claim) }] : [];
      }),
    );
  }

  /** Scroll to the `index`-th mark of a term (those a report conflicts with first; only those in sentence `claim` if given), focus it and open its popover (from the popup). */
  reveal(termId: string, index = 0, claim?: string): boolean {
    const conflicting = (m: HTMLElement) => {
      const claim = this.claims.get(m);
      return claim ? this.verdicts.conflicts(termId, claim) === true : false;
    };
    const ofTerm = this.marks().filter((m) => this.registry.info(m)?.termId === termId && (claim === undefined || this.claims.get(m) === claim));
    const mark = [...ofTerm.filter(conflicting), ...ofTerm.filter((m) => !conflicting(m))][index];
    if (!mark) return false;
    mark.scrollIntoView({ block: 'center' });
    const info = this.registry.info(mark)!;
    if (info.interactive) mark.focus({ preventScroll: true });
    void this.open(mark, info.interactive);
    return true;
  }

  // --- marking ---

  private addStyle(): void {
    if (!this.style) {
      this.style = this.doc.createElement('style');
      this.style.textContent = markCss(this.registry.tag);
    }
    if (!this.style.isConnected) (this.doc.head ?? this.doc.documentElement).appendChild(this.style);
  }

  /** Drop every mark and mark the page again (dictionary, scope or preferences changed). */
  private remark(): void {
    this.close(false);
    this.observer?.takeRecords();
    this.registry.clear();
    this.observer?.takeRecords();
    this.seen = new WeakSet();
    this.hidden.clear();
    this.findMain = true;
    this.queuePass([this.doc.body]);
  }

  private queuePass(roots: Node[]): void {
    const signal = this.abort?.signal;
    if (!signal) return;
    this.running++;
    this.passes = this.passes
      .then(() => this.pass(roots, signal))
      .catch((e: unknown) => {
        if (!signal.aborted) console.warn('[crosscheck]', e instanceof Error ? e.message : e);
      })
      .finally(() => this.running--);
  }

  private async pass(roots: Node[], signal: AbortSignal): Promise<void> {
    const matcher = this.matcher;
    if (!matcher || signal.aborted) return;
    const firstSlice = this.clock.slices.length;
    this.addStyle();
    if (this.findMain) {
      // Finding the main text and what is on screen is work on the page's thread too: its own slice.
      this.findMain = false;
      await afterNextFrame();
      this.clock.begin();
      this.main = mainContent(this.doc);
      const first = [viewportRoot(this.doc), this.main].filter((r): r is Element => !!r);
      this.clock.end();
      roots = [...first, ...roots];
      await yieldToPage(signal);
    }
    const scope = new Scope(this.prefs.scope, this.main, (el) => !!this.registry.info(el) || el === this.style || this.popover.isHost(el));
    await markInSlices(roots, {
      registry: this.registry,
      matcher,
      scope,
      clock: this.clock,
      signal,
      seen: this.seen,
      onShadowRoot: (root) => this.addShadowRoot(root),
      // Our own edits are not new content: drop their mutation records before the page runs again.
      afterSlice: () => void this.observer?.takeRecords(),
      onHidden: (node) => this.hidden.size < MAX_HIDDEN && this.hidden.add(node),
    });
    this.passTimes.push(this.clock.slices.slice(firstSlice).reduce((a, b) => a + b, 0));
    if (signal.aborted) return;
    this.registry.prune();
    this.report();
    this.summarise();
  }

  private addShadowRoot(root: ShadowRoot): void {
    if (this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    this.observer?.observe(root, OBSERVE);
    this.queuePass([root]);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'attributes') {
        this.onAttribute(r);
        continue;
      }
      if (r.type === 'characterData') {
        if (this.registry.markOf(r.target)) continue;
        this.seen.delete(r.target as Text);
        this.pending.add(r.target);
        continue;
      }
      for (const n of r.addedNodes) {
        if (this.registry.markOf(n) || n === this.style || this.popover.isHost(n)) continue;
        this.pending.add(n);
      }
    }
    if (this.pending.size) this.flush.call();
  }

  /** An attribute that may show text changed: hidden text inside the element gets another look. */
  private onAttribute(r: MutationRecord): void {
    const el = r.target as Element;
    if (this.registry.info(el) || this.popover.isHost(el)) return;
    // a subtree never walked (hidden, inert, aria-hidden) that no longer says so
    if (r.oldValue !== null && r.attributeName !== 'style' && r.attributeName !== 'class' && r.attributeName !== 'open' && !el.hasAttribute(r.attributeName!)) this.pending.add(el);
    for (const t of this.hidden) {
      if (!t.isConnected) this.hidden.delete(t);
      else if (el.contains(t)) {
        this.hidden.delete(t);
        this.pending.add(t);
      }
    }
  }

  private flushPending(): void {
    const pending = this.pending;
    this.pending = new Set();
    // A new <body> (single-page apps) means a new page: find its main text again.
    if ([...pending].some((n) => n === this.doc.body || n === this.doc.documentElement)) this.findMain = true;
    // Skip nodes inside another pending node: it is walked anyway.
    const roots = [...pending].filter((n) => {
      if (!n.isConnected) return false;
      for (let p = n.parentNode; p; p = p.parentNode) if (pending.has(p)) return false;
      return true;
    });
    if (roots.length) this.queuePass(roots);
  }

  private report(): void {
    let conflicts = 0;
    for (const m of this.marks()) {
      const claim = this.claims.get(m);
      if (claim && this.verdicts.conflicts(this.registry.info(m)!.termId, claim)) conflicts++;
    }
    this.api.reportCount(this.registry.size, conflicts);
  }

  /** Judge the marks' sentences in idle time, one request at a time, then update the summary. */
  private summarise(): void {
    const run = ++this.summaryRun;
    whenIdleOrNow(async () => {
      let slice = performance.now();
      for (const mark of this.marks()) {
        // Marks judged already (one sentence repeated on the whole page) do not await: yield by the clock.
        if (performance.now() - slice > SLICE_MS) {
          await yieldToPage();
          slice = performance.now();
        }
        if (run !== this.summaryRun || !this.enabled) return;
        const info = this.registry.info(mark);
        if (!info) continue;
        let claim = this.claims.get(mark);
        if (!claim) this.claims.set(mark, (claim = sentenceAround(mark)));
        if (this.verdicts.conflicts(info.termId, claim) !== undefined) continue;
        if (this.verdicts.judged >= MAX_JUDGED_CLAIMS) break;
        await this.verdicts.get(info.termId, claim).catch(() => null);
        // a conflict shows on the badge when it is known, not at the end of the pass
        if (run === this.summaryRun && this.enabled && this.verdicts.conflicts(info.termId, claim)) this.report();
      }
      if (run === this.summaryRun && this.enabled) this.report();
    });
  }

  // --- reading: hover, click, keyboard ---

  private listen(signal: AbortSignal): void {
    const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) =>
      // Synthetic events (a page's own dispatchEvent) are ignored: only the reader opens popovers.
      this.doc.addEventListener(type, (e) => e.isTrusted && fn(e), { capture: true, signal });
    on('mouseover', (e) => this.onOver(e));
    on('mouseout', (e) => this.onOut(e));
    on('click', (e) => this.onClick(e));
    on('keydown', (e) => this.onKey(e));
    on('focusin', (e) => this.onFocusIn(e));
    on('mousedown', (e) => this.onPointerDown(e));
    this.listening = true;
  }

  private markAt(e: Event): HTMLElement | null {
    return this.registry.markOf((e.composedPath()[0] as Node | undefined) ?? (e.target as Node));
  }

  private closeSoon(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(false), HOVER_CLOSE_MS);
  }

  private onOver(e: MouseEvent): void {
    if (this.popover.isHost(e.target)) return void clearTimeout(this.closeTimer);
    const mark = this.markAt(e);
    // a selection check stays open while the pointer crosses marks
    if (!mark || this.pinned) return;
    clearTimeout(this.closeTimer);
    if (this.popover.anchor === mark) return;
    this.popover.prepare();
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => void this.open(mark, false), this.prefs.hoverDelayMs);
  }

  private onOut(e: MouseEvent): void {
    const from = this.markAt(e);
    if (!from) return;
    const to = e.relatedTarget as Node | null;
    if (this.registry.markOf(to) === from) return;
    clearTimeout(this.openTimer);
    if (this.popover.anchor === from && !this.popover.isHost(to) && !this.popover.hasFocus()) this.closeSoon();
  }

  private onClick(e: MouseEvent): void {
    const mark = this.markAt(e);
    // Passive marks (in links, summaries, labels) leave the click to the page's control.
    if (!mark || !this.registry.info(mark)?.interactive || this.popover.anchor === mark) return;
    void this.open(mark, false);
  }

  /** A press anywhere on the page outside the popover closes a selection check. */
  private onPointerDown(e: MouseEvent): void {
    if (this.pinned && !this.popover.isHost(e.target)) this.close(false);
  }

  private onFocusIn(e: FocusEvent): void {
    if (!this.popover.isOpen || this.popover.isHost(e.target)) return;
    if (this.markAt(e) !== this.popover.anchor) this.close(false);
  }

  private onKey(e: KeyboardEvent): void {
    const mark = this.markAt(e);
    const info = this.registry.info(mark);
    // Esc dismisses an open popover wherever focus is on the page (a hover leaves focus on the body).
    if (e.key === 'Escape' && this.popover.isOpen && (!mark || this.popover.anchor !== mark)) {
      this.close(false);
      return;
    }
    if (!mark || !info?.interactive) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      void this.open(mark, true);
    } else if (e.key === 'Escape' && this.popover.anchor === mark) {
      e.preventDefault();
      this.close(false);
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      // Roving tabindex: arrows move between the marks of one paragraph.
      const group = this.registry.group(info.block);
      const next = group[group.indexOf(mark) + (e.key === 'ArrowRight' ? 1 : -1)];
      if (!next) return;
      e.preventDefault();
      mark.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  }

  async open(mark: HTMLElement, focus: boolean): Promise<void> {
    const info = this.registry.info(mark);
    if (!info || !this.matcher) return;
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    const previous = this.markOf(this.popover.anchor);
    if (previous && previous !== mark && this.registry.info(previous)?.interactive) previous.setAttribute('aria-expanded', 'false');
    this.pinned = false;
    this.returnTo = null;
    const label = this.matcher.terms.get(info.termId)?.label ?? mark.textContent ?? '';
    const id = ++this.request;
    if (info.interactive) mark.setAttribute('aria-expanded', 'true');
    this.popover.show(mark, { status: 'loading', label });
    if (focus) this.popover.focus();
    try {
      const claim = sentenceAround(mark);
      this.claims.set(mark, claim);
      const data = await this.verdicts.get(info.termId, claim);
      if (id !== this.request || this.popover.anchor !== mark) return;
      this.popover.show(mark, data ? { status: 'ready', data } : { status: 'error', label, message: CONTROLLER_STRINGS.gone });
      this.report();
    } catch (err) {
      if (id === this.request && this.popover.anchor === mark) this.popover.show(mark, { status: 'error', label, message: err instanceof Error ? err.message : String(err) });
    }
  }

  /**
   * "Check with Crosscheck": open the popover at the reader's selection for the whole sentence(s)
   * it touches, marked or not, and move focus into it. False, and nothing shown, when nothing is
   * selected or the script is not on here.
   */
  checkSelection(): boolean {
    if (!this.listening || !this.api.check) return false;
    const selected = readSelection(this.doc);
    if (!selected) return false;
    void this.openSelection(selected, this.api.check.bind(this.api));
    return true;
  }

  private async openSelection({ sentences, anchor }: ReaderSelection, check: (sentences: string[]) => Promise<ExplainReply>): Promise<void> {
    this.close(false);
    const active = this.doc.activeElement;
    this.returnTo = active instanceof HTMLElement && active !== this.doc.body ? active : null;
    this.pinned = true;
    // a selection scrolled out of sight (the shortcut) is brought back first, so the popover sits beside it
    const at = anchor.getBoundingClientRect();
    if (at.bottom < 0 || at.top > (this.doc.defaultView?.innerHeight ?? Infinity)) anchor.contextElement?.scrollIntoView({ block: 'center' });
    const label = CONTROLLER_STRINGS.selection;
    const id = ++this.request;
    this.popover.show(anchor, { status: 'loading', label });
    this.popover.focus();
    try {
      const data = await check(sentences);
      if (id !== this.request || this.popover.anchor !== anchor) return;
      this.popover.show(anchor, { status: 'ready', data });
    } catch (err) {
      if (id === this.request && this.popover.anchor === anchor) this.popover.show(anchor, { status: 'error', label, message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** The popover's anchor if it is one of our marks. */
  private markOf(anchor: PopoverAnchor | null): HTMLElement | null {
    return anchor && this.registry.info(anchor as Element) ? (anchor as HTMLElement) : null;
  }

  close(returnFocus: boolean): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    const anchor = this.popover.anchor;
    if (!anchor) return;
    this.request++;
    const mark = this.markOf(anchor);
    const interactive = !!mark && this.registry.info(mark)!.interactive;
    const returnTo = this.pinned ? this.returnTo : null;
    this.pinned = false;
    this.returnTo = null;
    if (interactive) mark.setAttribute('aria-expanded', 'false');
    this.popover.hide();
    if (!returnFocus) return;
    if (interactive && mark.isConnected) mark.focus({ preventScroll: true });
    else if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
  }

  /** The popover box's computed colours and animation (asked of its frame). */
  popoverStyle() {
    return this.popover.style();
  }

  /** What the popover shows (asked of its frame over our private channel). */
  readPopover() {
    return this.popover.read();
  }
}
