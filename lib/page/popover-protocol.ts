/**
 * What the content script and the popover's extension page (popover.html in an iframe) say to each
 * other over their private MessageChannel. The channel is handed over once, with a secret that only
 * the iframe's URL carries (the iframe sits in a closed shadow root: the page cannot read its URL).
 */
import type { ExplainReply } from '../messages';

export type PopoverState =
  | { status: 'loading'; label: string }
  | { status: 'ready'; data: ExplainReply }
  | { status: 'error'; label: string; message: string };

export interface PopoverRead {
  status: string;
  term: string;
  count: string;
  claim: string;
  notice: string;
  /** what an empty popover says ("no report speaks to this sentence", "nothing relates"), or '' */
  empty: string;
  more: string;
  items: Record<string, string>[];
  rect: { left: number; top: number; right: number; bottom: number } | null;
  focused: string | null;
}

export interface PopoverStyle {
  background: string;
  color: string;
  animation: string;
}

/** The first message to the frame: carries the port and the secret from the frame's URL. */
export const PORT_MESSAGE = 'crosscheck:port';

/** content script -> frame */
export type ToFrame =
  /** reduceMotion: the page's prefers-reduced-motion (the frame follows what the reader's page says) */
  /** session: which opening this is (a new one each time the popover opens on a mark); the frame echoes it */
  | { type: 'show'; session: number; state: PopoverState; reduceMotion: boolean }
  | { type: 'hide' }
  | { type: 'focus' }
  | { type: 'read'; id: number }
  | { type: 'style'; id: number };

/**
 * frame -> content script. `session` is the opening the frame was showing when it spoke: the
 * content script drops what a frame says about an opening that has since closed (a blur that
 * arrives after the reader already hovers another mark must not close the new popover).
 */
export type FromFrame =
  | { type: 'size'; session: number; width: number; height: number }
  | { type: 'close'; session: number }
  | { type: 'focus-left'; session: number }
  | { type: 'read'; id: number; value: PopoverRead | null }
  | { type: 'style'; id: number; value: PopoverStyle | null };
