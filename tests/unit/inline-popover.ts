/**
 * A popover surface for unit tests (happy-dom cannot load the extension's popover page in an
 * iframe): the same view (lib/page/popover.tsx) rendered in place, in a closed shadow root.
 */
import { PopoverView } from '../../lib/page/popover';
import type { PopoverAnchor, PopoverEvents, PopoverSurface } from '../../lib/page/popover-frame';
import type { PopoverState } from '../../lib/page/popover-protocol';

export class InlinePopover implements PopoverSurface {
  host: HTMLElement | null = null;
  private view: PopoverView | null = null;
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
    this.host = this.doc.createElement('div');
    const root = this.host.attachShadow({ mode: 'closed' });
    const mount = this.doc.createElement('div');
    root.append(mount);
    this.view = new PopoverView(this.doc, mount, { onClose: () => this.events.onClose(), onSize: () => undefined });
  }

  show(anchor: PopoverAnchor, state: PopoverState): void {
    this.prepare();
    if (!this.host!.isConnected) this.doc.documentElement.appendChild(this.host!);
    this.anchor = anchor;
    this.view!.show(state);
  }

  focus(): void {
    this.view?.focus();
  }

  hasFocus(): boolean {
    return false;
  }

  hide(): void {
    this.anchor = null;
    this.view?.hide();
    this.host?.remove();
  }

  destroy(): void {
    this.hide();
  }

  async read() {
    return this.anchor ? (this.view?.read() ?? null) : null;
  }

  async style() {
    return this.view?.style() ?? null;
  }
}
