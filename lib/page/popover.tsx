/**
 * The popover's content, rendered with Preact inside the extension's own page (popover.html, shown
 * in an iframe by lib/page/popover-frame.ts: the page cannot read it), conflicts first; keyboard:
 * Tab cycles inside, Esc closes. Corpus text is rendered as text only.
 */
import { i18n } from '#i18n';
import { render } from 'preact';
import { VERDICTS, type Verdict } from '../stance';
import { Item } from './popover-item';
import type { PopoverRead, PopoverStyle, PopoverState } from './popover-protocol';

/** Every user-visible string of the popover (locales/en.yml, `popover.*`). */
export const POPOVER_STRINGS = {
  dialog: (label: string) => i18n.t('popover.dialog', [label]),
  get close() {
    return i18n.t('popover.close');
  },
  count: (n: number) => i18n.t('popover.count', n),
  conflictsNote: (n: number) => (n ? i18n.t('popover.conflictsNote', n) : ''),
  get loading() {
    return i18n.t('popover.loading');
  },
  error: (message: string) => i18n.t('popover.error', [message]),
  claim: (claim: string) => i18n.t('popover.claim', [claim]),
  get empty() {
    return i18n.t('popover.empty');
  },
  more: (n: number) => i18n.t('popover.more', n),
  get selection() {
    return i18n.t('popover.selection');
  },
  speaks: (n: number) => i18n.t('popover.speaks', n),
  get nothing() {
    return i18n.t('popover.nothing');
  },
  group: (verdict: Verdict) => i18n.t(`popover.${verdict}`),
};

export function Popover({ state, onClose }: { state: PopoverState; onClose: () => void }) {
  const S = POPOVER_STRINGS;
  // a check of the reader's selection is titled as such, and counts the reports that speak to it
  const selection = state.status === 'ready' && state.data.selection === true;
  const label = state.status !== 'ready' ? state.label : selection ? S.selection : state.data.label;
  const conflicts = state.status === 'ready' ? state.data.items.filter((i) => i.verdict === 'conflicts').length : 0;
  const count = state.status !== 'ready' ? '' : selection ? S.speaks(state.data.reportCount) : S.count(state.data.reportCount);
  return (
    <div class="cc-popover" role="dialog" aria-label={S.dialog(label)} tabIndex={-1}>
      <div class="cc-head">
        <span class="cc-term">{label}</span>
        <span class="cc-count">{count}</span>
        {/* Announced politely when the results arrive. */}
        <span class="cc-live" role="status" aria-live="polite">
          {count && count + S.conflictsNote(conflicts)}
        </span>
        <button class="cc-close" aria-label={S.close} onClick={onClose}>
          ×
        </button>
      </div>
      {state.status === 'loading' && <p class="cc-status">{S.loading}</p>}
      {state.status === 'error' && <p class="cc-status">{S.error(state.message)}</p>}
      {state.status === 'ready' && (
        <>
          <p class="cc-claim">{S.claim(state.data.claim)}</p>
          {state.data.notice && <p class="cc-notice cc-status">{state.data.notice}</p>}
          {state.data.items.length === 0 && !state.data.notice && <p class="cc-empty">{selection ? S.nothing : S.empty}</p>}
          {/* conflicts matter most: listed first */}
          {VERDICTS.map((verdict) => {
            const items = state.data.items.filter((i) => i.verdict === verdict);
            if (!items.length) return null;
            return (
              <section class="cc-group" data-verdict={verdict} key={verdict}>
                <h3>
                  {S.group(verdict)} ({items.length})
                </h3>
                <ul>
                  {items.map((it) => (
                    <Item it={it} key={it.reportId} />
                  ))}
                </ul>
              </section>
            );
          })}
          {state.data.more > 0 && <p class="cc-more">{S.more(state.data.more)}</p>}
        </>
      )}
    </div>
  );
}

export interface PopoverViewEvents {
  /** Esc or the close button */
  onClose(): void;
  /** the box's natural size changed (the frame around it follows) */
  onSize(width: number, height: number): void;
}

/** The popover in its own document: renders a state, keeps Tab inside, reports its size, reads itself back. */
export class PopoverView {
  private state: PopoverState | null = null;
  private observer: ResizeObserver | null = null;

  constructor(private doc: Document, private mount: HTMLElement, private events: PopoverViewEvents) {
    doc.addEventListener('keydown', (e) => this.onKey(e), true);
  }

  show(state: PopoverState): void {
    this.state = state;
    render(<Popover state={state} onClose={() => this.events.onClose()} />, this.mount);
    const box = this.box();
    if (box && typeof ResizeObserver === 'function' && !this.observer) {
      this.observer = new ResizeObserver(() => this.report());
      this.observer.observe(box);
    }
    this.report();
  }

  hide(): void {
    this.state = null;
    this.observer?.disconnect();
    this.observer = null;
    render(null, this.mount);
  }

  private box(): HTMLElement | null {
    return (this.mount.firstElementChild as HTMLElement | null) ?? null;
  }

  /** The box's natural size: its width, and the height of all its content (it scrolls when the frame is shorter). */
  private report(): void {
    const box = this.box();
    if (!box) return;
    const r = box.getBoundingClientRect();
    this.events.onSize(Math.ceil(r.width), Math.ceil(box.scrollHeight + (box.offsetHeight - box.clientHeight)));
  }

  /** Move keyboard focus onto the dialog box, so the whole of it is read out. */
  focus(): void {
    this.box()?.focus({ preventScroll: true });
  }

  /** Tab cycles inside; Esc closes. */
  private onKey(e: KeyboardEvent): void {
    if (!e.isTrusted || !this.state) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      this.events.onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const stops = [...this.mount.querySelectorAll<HTMLElement>('.cc-close, .cc-item')];
    if (!stops.length) return;
    e.preventDefault();
    const at = stops.indexOf(this.doc.activeElement as HTMLElement);
    const next = at < 0 ? (e.shiftKey ? stops.length - 1 : 0) : (at + (e.shiftKey ? -1 : 1) + stops.length) % stops.length;
    stops[next]!.focus();
  }

  /** What the popover shows (tests and benchmarks read it through the content script's probe). */
  read(): PopoverRead | null {
    const box = this.box();
    if (!box || !this.state) return null;
    const text = (sel: string, el: ParentNode = this.mount) => el.querySelector(sel)?.textContent?.trim() ?? '';
    const r = box.getBoundingClientRect();
    const active = this.doc.activeElement as HTMLElement | null;
    return {
      status: this.state.status,
      term: text('.cc-term'),
      count: text('.cc-count'),
      claim: text('.cc-claim'),
      notice: text('.cc-notice'),
      empty: text('.cc-empty'),
      more: text('.cc-more'),
      items: [...this.mount.querySelectorAll<HTMLElement>('.cc-item')].map((li) => ({
        verdict: li.dataset.verdict ?? '',
        reportId: li.dataset.reportId ?? '',
        title: text('.cc-title', li),
        meta: text('.cc-meta', li),
        sentence: text('.cc-sentence', li),
        reason: text('.cc-reason', li),
      })),
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      focused: active && this.mount.contains(active) ? active.className || null : null,
    };
  }

  /** The box's computed colours and animation (tests: colour scheme, reduced motion). */
  style(): PopoverStyle | null {
    const box = this.box();
    if (!box) return null;
    const cs = getComputedStyle(box);
    return { background: cs.backgroundColor, color: cs.color, animation: cs.animationName };
  }
}
