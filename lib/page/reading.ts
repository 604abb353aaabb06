/**
 * When the reader has read a page: it stayed in front (visible and focused) for `dwellMs` in all,
 * or the reader scrolled past its middle. Calls `onRead` once, then stops watching.
 */

export interface ReadingWatch {
  stop(): void;
}

/** Share of the page the bottom of the window must pass, scrolled by the reader, to count as read. */
export const SCROLLED_SHARE = 0.5;

export function watchReading(win: Window, dwellMs: number, onRead: () => void): ReadingWatch {
  const doc = win.document;
  let spent = 0;
  /** since when the page is in front; null while it is not */
  let since: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let done = false;

  const inFront = () => doc.visibilityState === 'visible' && doc.hasFocus();
  const finish = () => {
    if (done) return;
    stop();
    onRead();
  };
  const update = () => {
    if (done) return;
    const now = performance.now();
    if (since !== null) spent += now - since;
    since = inFront() ? now : null;
    if (timer) clearTimeout(timer);
    timer = null;
    if (spent >= dwellMs) return finish();
    if (since !== null) timer = setTimeout(update, dwellMs - spent);
  };
  const onScroll = () => {
    const el = doc.scrollingElement ?? doc.documentElement;
    // a page that fits in the window is not read by scrolling: only its time counts
    if (el.scrollHeight <= win.innerHeight * 1.2) return;
    if (win.scrollY + win.innerHeight >= el.scrollHeight * SCROLLED_SHARE) finish();
  };
  const events: [EventTarget, string, () => void][] = [
    [doc, 'visibilitychange', update],
    [win, 'focus', update],
    [win, 'blur', update],
    [win, 'pagehide', update],
    [win, 'scroll', onScroll],
  ];
  for (const [target, type, listener] of events) target.addEventListener(type, listener, { passive: true });
  function stop() {
    done = true;
    if (timer) clearTimeout(timer);
    for (const [target, type, listener] of events) target.removeEventListener(type, listener);
  }
  update();
  return { stop };
}
