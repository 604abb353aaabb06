/**
 * The popover as the page holds it: an iframe of the extension's own page (popover.html, web
 * accessible through a per-session dynamic URL in Chrome) inside a closed shadow root of a plain
 * <div> (a built-in element: no custom element the page could define first, no tag name to learn).
 * The page can reach neither the frame's document (another origin: not by script, not by
 * window.find) nor its URL. The content script talks to it over a MessageChannel handed over once,
 * with a secret only the frame's URL holds. Positioned with @floating-ui/dom: its height is reset to
 * the box's natural height before each placement, so flip() sees the real size and turns it to the
 * side with room; under page CSS zoom the host is scaled back to 1 so it stays inside the viewport.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { browser } from 'wxt/browser';
import { type FromFrame, PORT_MESSAGE, type PopoverRead, type PopoverState, type PopoverStyle, type ToFrame } from './popover-protocol';

export interface PopoverEvents {
  /** Esc or the close button: close and give focus back to the mark */
  onClose(): void;
  /** pointer entered (true) or left (false) the popover */
  onHover(inside: boolean): void;
  /** focus left the popover for somewhere else on the page */
  onFocusLeft(): void;
}

/** What a popover sits at: a mark, or a place on screen such as the reader's selection (lib/page/selection.ts). */
export type PopoverAnchor = Element | VirtualElement;

/** What the controller needs of a popover (the frame in a page; tests use one rendered in place). */
export interface PopoverSurface {
  readonly anchor: PopoverAnchor | null;
  readonly isOpen: boolean;
  isHost(node: EventTarget | null): boolean;
  /** load it ahead of need (hover intent), so it shows at once */
  prepare(): void;
  show(anchor: PopoverAnchor, state: PopoverState): void;
  focus(): void;
  hasFocus(): boolean;
  hide(): void;
  /** remove every trace (switched off) */
  destroy(): void;
  read(): Promise<PopoverRead | null>;
  style(): Promise<PopoverStyle | null>;
}

export const POPOVER_WIDTH = 420;
export const POPOVER_MAX_HEIGHT = 560;
const MIN_HEIGHT = 80;
const PAD = 8;

/** The host's only style, inline and !important (page CSS on `div` cannot move or hide it); not displayed while closed. */
const hostStyle = (shown: boolean, zoom = 1) =>
  `all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; z-index: 2147483647 !important; display: ${shown ? 'block' : 'none'} !important; width: 0 !important; height: 0 !important; overflow: visible !important; zoom: ${zoom} !important;`;
const FRAME_STYLE = 'all: initial; position: fixed; top: 0; left: 0; display: block; border: 0; margin: 0; padding: 0; color-scheme: normal; background: transparent; border-radius: 10px; box-shadow: 0 8px 28px rgba(15, 30, 60, .22);';

/**
 * The origin the frame's document will have. Chrome hands out a per-session dynamic URL
 * (use_dynamic_url) but the document it loads lives at the extension's own id; Firefox's
 * moz-extension://<uuid> is both. (URL.origin is "null" for these schemes.)
 */
export function frameOrigin(url: string): string {
  if (url.startsWith('chrome-extension://')) return `chrome-extension://${browser.runtime.id}`;
  const m = /^[a-z-]+:\/\/[^/]+/i.exec(url);
  return m ? m[0] : url;
}

function secret(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class PopoverFrame implements PopoverSurface {
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private port: Promise<MessagePort> | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  private natural = { width: POPOVER_WIDTH, height: MIN_HEIGHT };
  private replies = new Map<number, (v: never) => void>();
  private seq = 0;
  /** the current opening (see FromFrame) */
  private session = 0;
  anchor: PopoverAnchor | null = null;

  constructor(private doc: Document, private events: PopoverEvents) {}

  get isOpen(): boolean {
    return this.anchor !== null;
  }

  isHost(node: EventTarget | null): boolean {
    return !!node && node === this.host;
  }

  prepare(): void {
    if (this.host) return;
    const host = this.doc.createElement('div');
    host.setAttribute('style', hostStyle(false));
    const root = host.attachShadow({ mode: 'closed' });
    const frame = this.doc.createElement('iframe');
    const key = secret();
    const url = browser.runtime.getURL('/popover.html');
    frame.src = `${url}#${key}`;
    frame.setAttribute('style', `${FRAME_STYLE} width: ${POPOVER_WIDTH}px; height: 0;`);
    frame.setAttribute('scrolling', 'auto');
    root.append(frame);
    const trusted = (f: () => void) => (e: Event) => e.isTrusted && f();
    host.addEventListener('mouseenter', trusted(() => this.events.onHover(true)));
    host.addEventListener('mouseleave', trusted(() => this.events.onHover(false)));
    this.port = new Promise((resolve) => {
      frame.addEventListener('load', () => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e: MessageEvent<FromFrame>) => this.onMessage(e.data);
        // Only the extension's origin receives it: a frame the page navigated elsewhere gets nothing.
        frame.contentWindow?.postMessage({ type: PORT_MESSAGE, key }, frameOrigin(url), [channel.port2]);
        resolve(channel.port1);
      }, { once: true });
    });
    [this.host, this.frame] = [host, frame];
    this.doc.documentElement.appendChild(host);
  }

  private send(msg: ToFrame): void {
    void this.port?.then((p) => p.postMessage(msg));
  }

  private ask<T>(type: 'read' | 'style'): Promise<T | null> {
    if (!this.port || !this.anchor) return Promise.resolve(null);
    const id = ++this.seq;
    return new Promise<T | null>((resolve) => {
      this.replies.set(id, resolve as (v: never) => void);
      this.send({ type, id });
    });
  }

  private onMessage(msg: FromFrame): void {
    if (msg.type === 'size' || msg.type === 'close' || msg.type === 'focus-left') {
      if (!this.anchor || msg.session !== this.session) return;
    }
    if (msg.type === 'size') {
      this.natural = { width: POPOVER_WIDTH, height: Math.max(MIN_HEIGHT, Math.min(POPOVER_MAX_HEIGHT, msg.height)) };
      void this.position();
    } else if (msg.type === 'close') this.events.onClose();
    else if (msg.type === 'focus-left') {
      if (!this.hasFocus()) this.events.onFocusLeft();
    } else {
      const reply = this.replies.get(msg.id);
      this.replies.delete(msg.id);
      reply?.(msg.value as never);
    }
  }

  show(anchor: PopoverAnchor, state: PopoverState): void {
    this.prepare();
    const host = this.host!;
    if (!host.isConnected) this.doc.documentElement.appendChild(host);
    if (this.anchor !== anchor) {
      this.stopAutoUpdate?.();
      this.stopAutoUpdate = null;
      this.session++;
    }
    this.anchor = anchor;
    const reduceMotion = !!this.doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    this.send({ type: 'show', session: this.session, state, reduceMotion });
    host.setAttribute('style', hostStyle(true, 1 / this.pageZoom()));
    if (!this.stopAutoUpdate) this.stopAutoUpdate = autoUpdate(anchor, this.frame!, () => void this.position());
    else void this.position();
  }

  /** The zoom the page's CSS puts on the root element (our host sits under it). */
  private pageZoom(): number {
    const z = parseFloat(getComputedStyle(this.doc.documentElement).zoom || '1');
    return Number.isFinite(z) && z > 0 ? z : 1;
  }

  /** Place the frame next to its anchor: flipped to the side with room, shifted and sized to stay inside the viewport. */
  async position(): Promise<void> {
    const frame = this.frame;
    const anchor = this.anchor;
    if (!frame || !anchor) return;
    const view = this.doc.defaultView!;
    // the natural size first, so flip() compares the real height with the room on each side
    const width = Math.min(this.natural.width, view.innerWidth - 2 * PAD);
    frame.style.width = `${width}px`;
    frame.style.height = `${this.natural.height}px`;
    const { x, y } = await computePosition(anchor, frame, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: PAD, fallbackAxisSideDirection: 'end' }),
        shift({ padding: PAD }),
        size({
          padding: PAD,
          apply({ availableHeight }) {
            frame.style.height = `${Math.max(MIN_HEIGHT, Math.min(frame.offsetHeight, availableHeight))}px`;
          },
        }),
        shift({ padding: PAD, crossAxis: true }),
      ],
    });
    if (this.anchor !== anchor) return;
    frame.style.left = `${Math.round(x)}px`;
    frame.style.top = `${Math.round(y)}px`;
  }

  focus(): void {
    this.frame?.focus({ preventScroll: true });
    this.send({ type: 'focus' });
  }

  /** Focus is in the frame (the page sees our host as its active element). */
  hasFocus(): boolean {
    return !!this.host && this.doc.activeElement === this.host;
  }

  async read(): Promise<PopoverRead | null> {
    const inside = await this.ask<PopoverRead>('read');
    if (!inside || !this.frame || !this.anchor) return null;
    const r = this.frame.getBoundingClientRect();
    return { ...inside, rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, focused: this.hasFocus() ? inside.focused : null };
  }

  style(): Promise<PopoverStyle | null> {
    return this.ask<PopoverStyle>('style');
  }

  hide(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.anchor = null;
    if (!this.host) return;
    this.send({ type: 'hide' });
    this.host.setAttribute('style', hostStyle(false));
    if (this.frame) this.frame.style.height = '0';
    for (const [, reply] of this.replies) reply(null as never);
    this.replies.clear();
  }

  destroy(): void {
    this.hide();
    this.host?.remove();
    void this.port?.then((p) => p.close());
    [this.host, this.frame, this.port] = [null, null, null];
  }
}
