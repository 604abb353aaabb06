/**
 * The content script's lifetime, in place of WXT's ContentScriptContext (wxt.config.ts aliases
 * `wxt/utils/content-script-context` to this file in the content script's build). WXT's context
 * announces every start with a window message carrying the extension's id (any page could tell
 * Crosscheck is installed, even where it is switched off) and ends itself when a document event of a
 * name built from that id arrives, which a page can dispatch too (replayed once, it switched
 * Crosscheck off). Here nothing is announced and no page event ends the script: it ends only when
 * the extension itself is gone (reloaded, updated, removed), seen as `runtime.id` going away, which
 * is checked on the reader's own actions (trusted events) and whenever `isValid` is read.
 */
import { browser } from 'wxt/browser';

/** Trusted events on which an orphaned script (its extension reloaded or removed) notices and cleans up. */
const CHECK_ON = ['pointerdown', 'keydown', 'focusin', 'visibilitychange'] as const;

export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {
    const check = (e: Event) => e.isTrusted && this.isInvalid;
    for (const type of CHECK_ON) document.addEventListener(type, check, { capture: true, passive: true, signal: this.signal });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** True once the extension is gone (checked now) or the context was invalidated. */
  get isInvalid(): boolean {
    if (!this.signal.aborted && extensionGone()) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /** A promise that never settles (code that must not go on after invalidation). */
  block<T>(): Promise<T> {
    return new Promise(() => undefined);
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((t) => this.isValid && callback(t));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  addEventListener(target: EventTarget, type: string, handler: EventListener, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}

function extensionGone(): boolean {
  try {
    return browser.runtime?.id == null;
  } catch {
    return true;
  }
}
