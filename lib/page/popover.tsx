/**
 * The popover shown for a mark: rendered with Preact inside a CLOSED shadow root (a page's script
 * cannot read it), positioned with @floating-ui/dom (flip, shift, size to the viewport), conflicts
 * first; keyboard: focus moves in, Tab cycles inside, Esc closes. Corpus text is rendered as text only.
 */
import { i18n } from '#i18n';
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ExplainReply } from '../messages';
import { VERDICTS, type Verdict } from '../stance';
import { Item } from './popover-item';
import { POPOVER_CSS } from './popover-style';

export type PopoverState =
  | { status: 'loading'; label: string }
  | { status: 'ready'; data: ExplainReply }
  | { status: 'error'; label: string; message: string };

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
  group: (verdict: Verdict) => i18n.t(`popover.${verdict}`),
};

export function Popover({ state, onClose }: { state: PopoverState; onClose: () => void }) {
  const S = POPOVER_STRINGS;
  const label = state.status === 'ready' ? state.data.label : state.label;
  const conflicts = state.status === 'ready' ? state.data.items.filter((i) => i.verdict === 'conflicts').length : 0;
  return (
    <div class="cc-popover" role="dialog" aria-label={S.dialog(label)} tabIndex={-1}>
      <div class="cc-head">
        <span class="cc-term">{label}</span>
        <span class="cc-count">{state.status === 'ready' ? S.count(state.data.reportCount) : ''}</span>
        {/* Announced politely when the results arrive. */}
        <span class="cc-live" role="status" aria-live="polite">
          {state.status === 'ready' ? S.count(state.data.reportCount) + S.conflictsNote(conflicts) : ''}
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
          {state.data.items.length === 0 && !state.data.notice && <p class="cc-empty">{S.empty}</p>}
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

export interface PopoverEvents {
  /** Esc or the close button: close and give focus back to the mark */
  onClose(): void;
  /** pointer entered (true) or left (false) the popover */
  onHover(inside: boolean): void;
  /** focus left the popover for somewhere else on the page */
  onFocusLeft(): void;
}

/** The host element (random tag name), its closed shadow root, and rendering/positioning in it. */
export class PopoverHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  anchor: Element | null = null;
  private state: PopoverState | null = null;

  constructor(private doc: Document, private tag: string, private events: PopoverEvents) {}

  get isOpen(): boolean {
    return this.anchor !== null;
  }

  /** Our host element (events from inside the closed root reach the page retargeted to it). */
  isHost(node: EventTarget | null): boolean {
    return !!node && node === this.host;
  }

  private build(): void {
    const host = this.doc.createElement(this.tag);
    // Closed: a page's script gets null from host.shadowRoot and cannot read the user's reports.
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = POPOVER_CSS;
    const mount = this.doc.createElement('div');
    root.append(style, mount);
    const trusted = (f: (e: Event) => void) => (e: Event) => e.isTrusted && f(e);
    root.addEventListener('keydown', trusted((e) => this.onKey(e as KeyboardEvent)));
    root.addEventListener('focusout', trusted((e) => {
      const to = (e as FocusEvent).relatedTarget as Node | null;
      if (!to || !root.contains(to)) this.events.onFocusLeft();
    }));
    host.addEventListener('mouseenter', trusted(() => this.events.onHover(true)));
    host.addEventListener('mouseleave', trusted(() => this.events.onHover(false)));
    [this.host, this.root, this.mount] = [host, root, mount];
  }

  show(anchor: Element, state: PopoverState): void {
    if (!this.host) this.build();
    if (!this.host!.isConnected) this.doc.documentElement.appendChild(this.host!);
    if (this.anchor !== anchor) {
      this.stopAutoUpdate?.();
      this.stopAutoUpdate = null;
    }
    this.anchor = anchor;
    this.state = state;
    render(<Popover state={state} onClose={() => this.events.onClose()} />, this.mount!);
    const box = this.box();
    if (box && !this.stopAutoUpdate) this.stopAutoUpdate = autoUpdate(anchor, box, () => void this.position());
    else void this.position();
  }

  private box(): HTMLElement | null {
    return (this.mount?.firstElementChild as HTMLElement | null) ?? null;
  }

  /** Place the box next to its mark, flipped/shifted/sized to stay inside the viewport. */
  async position(): Promise<void> {
    const box = this.box();
    const anchor = this.anchor;
    if (!box || !anchor) return;
    const { x, y } = await computePosition(anchor, box, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8, fallbackAxisSideDirection: 'end' }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableWidth, availableHeight }) {
            box.style.maxWidth = `${Math.max(120, Math.min(420, availableWidth))}px`;
            box.style.maxHeight = `${Math.max(80, Math.min(560, availableHeight))}px`;
          },
        }),
        // After sizing, shift once more so a box that shrank still sits fully inside.
        shift({ padding: 8, crossAxis: true }),
      ],
    });
    if (this.box() !== box) return;
    box.style.left = `${Math.round(x)}px`;
    box.style.top = `${Math.round(y)}px`;
  }

  /** Move keyboard focus into the popover (its dialog box, so the whole of it is read out). */
  focus(): void {
    this.box()?.focus({ preventScroll: true });
  }

  /** Tab cycles inside; Esc closes. */
  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.events.onClose();
      return;
    }
    if (e.key !== 'Tab' || !this.root) return;
    const stops = [...this.root.querySelectorAll<HTMLElement>('.cc-close, .cc-item')];
    if (!stops.length) return;
    e.preventDefault();
    const at = stops.indexOf(this.root.activeElement as HTMLElement);
    const next = at < 0 ? (e.shiftKey ? stops.length - 1 : 0) : (at + (e.shiftKey ? -1 : 1) + stops.length) % stops.length;
    stops[next]!.focus();
  }

  /** True if keyboard focus is inside the popover. */
  hasFocus(): boolean {
    return !!this.root?.activeElement;
  }

  /** What the popover shows, read from our own reference to the closed root (tests and benchmarks). */
  read(): { status: string; term: string; count: string; claim: string; notice: string; more: string; items: Record<string, string>[]; rect: DOMRect | null; focused: string | null } | null {
    const root = this.root;
    const box = this.box();
    if (!root || !box || !this.anchor) return null;
    const text = (sel: string, el: ParentNode = root) => el.querySelector(sel)?.textContent?.trim() ?? '';
    return {
      status: this.state?.status ?? 'loading',
      term: text('.cc-term'),
      count: text('.cc-count'),
      claim: text('.cc-claim'),
      notice: text('.cc-notice'),
      more: text('.cc-more'),
      items: [...root.querySelectorAll<HTMLElement>('.cc-item')].map((li) => ({
        verdict: li.dataset.verdict ?? '',
        reportId: li.dataset.reportId ?? '',
        title: text('.cc-title', li),
        meta: text('.cc-meta', li),
        sentence: text('.cc-sentence', li),
        reason: text('.cc-reason', li),
      })),
      rect: box.getBoundingClientRect(),
      focused: (root.activeElement as HTMLElement | null)?.className || null,
    };
  }

  /** The box's computed colours and animation (tests: colour scheme, reduced motion). */
  style(): { background: string; color: string; animation: string } | null {
    const box = this.box();
    if (!box) return null;
    const cs = getComputedStyle(box);
    return { background: cs.backgroundColor, color: cs.color, animation: cs.animationName };
  }

  get current(): PopoverState | null {
    return this.state;
  }

  hide(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.anchor = null;
    this.state = null;
    if (this.mount) render(null, this.mount);
    this.host?.remove();
  }
}
