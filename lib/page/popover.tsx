/**
 * The popover shown for a mark, rendered with Preact inside a shadow root so that page styles
 * cannot reach it and it cannot restyle the page. Corpus text is rendered as text only.
 */
import { render } from 'preact';
import { displayTitle, metaLine } from '../corpus/display';
import type { ExplainItem, ExplainReply } from '../messages';
import type { Verdict } from '../stance';
import { UI_TAG } from './marks';

export type PopoverState =
  | { status: 'loading'; label: string }
  | { status: 'ready'; data: ExplainReply }
  | { status: 'error'; label: string; message: string };

const GROUPS: { verdict: Verdict; title: string }[] = [
  { verdict: 'corroborates', title: 'Corroborates' },
  { verdict: 'conflicts', title: 'Conflicts' },
  { verdict: 'disputed', title: 'Disputed' },
  { verdict: 'related', title: 'Related' },
];

const CSS = `
:host { all: initial; }
.cc-popover { position: fixed; z-index: 2147483647; box-sizing: border-box; width: min(420px, calc(100vw - 16px));
  max-height: min(70vh, 560px); overflow: auto; background: #fff; color: #1b1f24; border: 1px solid #c9d1db;
  border-radius: 10px; box-shadow: 0 8px 28px rgba(15, 30, 60, .22); font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
.cc-head { display: flex; align-items: baseline; gap: 8px; padding: 10px 12px 6px; border-bottom: 1px solid #eef1f4; position: sticky; top: 0; background: #fff; }
.cc-term { font-size: 15px; font-weight: 700; }
.cc-count { color: #57606a; flex: 1; }
.cc-close { all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 0 4px; color: #57606a; }
.cc-close:focus-visible { outline: 2px solid #1f5fbf; border-radius: 4px; }
.cc-claim { margin: 8px 12px; color: #57606a; font-style: italic; }
.cc-group { margin: 6px 0 10px; }
.cc-group h3 { margin: 0 12px 4px; font-size: 11px; letter-spacing: .06em; text-transform: uppercase; }
.cc-group[data-verdict="corroborates"] h3 { color: #1a7f37; }
.cc-group[data-verdict="conflicts"] h3 { color: #cf222e; }
.cc-group[data-verdict="related"] h3 { color: #57606a; }
.cc-group[data-verdict="disputed"] h3 { color: #9a6700; }
.cc-item[data-verdict="disputed"] { border-left-color: #9a6700; }
.cc-reason mark { background: #fff1c2; color: inherit; padding: 0 2px; border-radius: 3px; }
.cc-more { margin: 4px 12px 10px; color: #57606a; }
.cc-group ul { list-style: none; margin: 0; padding: 0; }
.cc-item { margin: 0 8px 6px; padding: 8px; border-radius: 8px; background: #f6f8fa; border-left: 3px solid #8c959f; }
.cc-item[data-verdict="corroborates"] { border-left-color: #1a7f37; }
.cc-item[data-verdict="conflicts"] { border-left-color: #cf222e; }
.cc-title { font-weight: 600; }
.cc-meta { color: #57606a; font-size: 12px; }
.cc-sentence { margin: 6px 0 4px; padding: 0 0 0 8px; border-left: 2px solid #d0d7de; }
.cc-reason { font-size: 12px; }
.cc-reason b { font-weight: 600; }
.cc-empty, .cc-status { margin: 12px; color: #57606a; }
`;

function Item({ it }: { it: ExplainItem }) {
  return (
    <li class="cc-item" data-verdict={it.verdict} data-report-id={it.reportId}>
      <div class="cc-title">{displayTitle(it.title, it.lead)}</div>
      <div class="cc-meta">{metaLine(it)}</div>
      <blockquote class="cc-sentence">{it.sentence}</blockquote>
      <div class="cc-reason">
        <b>Why:</b>{' '}
        {it.parts ? (
          <>
            This page: <mark class="cc-page-words">{it.parts.page}</mark>. The report: <mark class="cc-report-words">{it.parts.report}</mark> — {it.parts.context}.
          </>
        ) : (
          it.reason
        )}{' '}
        <span class="cc-certainty">({it.certainty})</span>
      </div>
    </li>
  );
}

export function Popover({ state, onClose }: { state: PopoverState; onClose: () => void }) {
  const label = state.status === 'ready' ? state.data.label : state.label;
  return (
    <div class="cc-popover" role="dialog" aria-label={`Crosscheck: ${label}`} tabIndex={-1}>
      <div class="cc-head">
        <span class="cc-term">{label}</span>
        <span class="cc-count">
          {state.status === 'ready' ? `${state.data.reportCount} report${state.data.reportCount === 1 ? '' : 's'} mention it` : ''}
        </span>
        <button class="cc-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {state.status === 'loading' && <p class="cc-status">Checking the corpus…</p>}
      {state.status === 'error' && <p class="cc-status">Could not load reports: {state.message}</p>}
      {state.status === 'ready' && (
        <>
          <p class="cc-claim">This page: “{state.data.claim}”</p>
          {state.data.notice && <p class="cc-notice cc-status">{state.data.notice}</p>}
          {state.data.items.length === 0 && !state.data.notice && <p class="cc-empty">No report in your corpus speaks to this sentence.</p>}
          {GROUPS.map(({ verdict, title }) => {
            const items = state.data.items.filter((i) => i.verdict === verdict);
            if (!items.length) return null;
            return (
              <section class="cc-group" data-verdict={verdict} key={verdict}>
                <h3>
                  {title} ({items.length})
                </h3>
                <ul>
                  {items.map((it) => (
                    <Item it={it} key={it.reportId} />
                  ))}
                </ul>
              </section>
            );
          })}
          {state.data.more > 0 && (
            <p class="cc-more">
              and {state.data.more} more report{state.data.more === 1 ? '' : 's'} in the Crosscheck popup
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** The shadow-rooted host element and rendering/positioning of the popover in it. */
export class PopoverHost {
  readonly host: HTMLElement;
  private root: ShadowRoot;
  private mount: HTMLElement;
  anchor: Element | null = null;

  constructor(private doc: Document, private onClose: () => void) {
    this.host = doc.createElement(UI_TAG);
    this.host.setAttribute('data-crosscheck', 'popover');
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    this.mount = doc.createElement('div');
    this.root.append(style, this.mount);
  }

  get isOpen(): boolean {
    return this.anchor !== null;
  }

  show(anchor: Element, state: PopoverState): void {
    if (!this.host.isConnected) this.doc.documentElement.appendChild(this.host);
    this.anchor = anchor;
    render(<Popover state={state} onClose={this.onClose} />, this.mount);
    this.position();
  }

  position(): void {
    const box = this.mount.firstElementChild as HTMLElement | null;
    if (!box || !this.anchor) return;
    const r = this.anchor.getBoundingClientRect();
    const vw = this.doc.documentElement.clientWidth || 800;
    const vh = this.doc.documentElement.clientHeight || 600;
    const h = box.offsetHeight || 200;
    const w = box.offsetWidth || 420;
    const below = r.bottom + 6 + h <= vh || r.top < h + 6;
    box.style.top = `${Math.max(4, below ? r.bottom + 6 : r.top - h - 6)}px`;
    box.style.left = `${Math.max(8, Math.min(r.left, vw - w - 8))}px`;
  }

  contains(node: Node | null): boolean {
    return !!node && (node === this.host || this.host.contains(node) || this.root.contains(node));
  }

  focus(): void {
    (this.root.querySelector('.cc-close') as HTMLElement | null)?.focus();
  }

  hide(): void {
    this.anchor = null;
    render(null, this.mount);
    this.host.remove();
  }
}
