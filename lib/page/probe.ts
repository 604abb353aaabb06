/**
 * A read-only view of the content script's state for the end-to-end tests and benchmarks. It lives
 * on the content script's own global (the extension's isolated world): the page's scripts cannot
 * see it; tests reach it through the DevTools protocol (tests/e2e/harness.ts).
 */
import type { PageController } from './controller';

export const PROBE_NAME = '__crosscheck';

export interface ProbeMark {
  term: string;
  text: string;
  how: string;
  tabIndex: number;
  interactive: boolean;
}

/** The mark of `termId` (any if empty) inside an element matching `scope` (anywhere if empty). */
function find(c: PageController, scope: string, termId: string, index: number): HTMLElement | null {
  const hits = c.marks().filter((m) => (!termId || c.registry.info(m)?.termId === termId) && (!scope || !!m.closest(scope)));
  return hits[index] ?? null;
}

export function installProbe(c: PageController): void {
  const probe = {
    state: () => ({ enabled: c.enabled, busy: c.busy, marks: c.marks().length }),
    marks: (): ProbeMark[] =>
      c.marks().map((m) => {
        const info = c.registry.info(m)!;
        return { term: info.termId, text: m.textContent ?? '', how: info.how, tabIndex: m.tabIndex, interactive: info.interactive };
      }),
    mentions: () => c.mentions(),
    /** How many marks (of `termId`, any if empty) sit inside an element matching `scope`. */
    count: (scope: string, termId: string) => c.marks().filter((m) => (!termId || c.registry.info(m)?.termId === termId) && (!scope || !!m.closest(scope))).length,
    /** The texts of the marks inside elements matching `scope`. */
    textsIn: (scope: string) => c.marks().filter((m) => !scope || !!m.closest(scope)).map((m) => m.textContent ?? ''),
    /** Scroll a mark into view and return the centre of its first line box (for a real mouse move). */
    locate: (scope: string, termId: string, index = 0) => {
      const m = find(c, scope, termId, index);
      if (!m) return null;
      m.scrollIntoView({ block: 'center' });
      const r = m.getClientRects()[0] ?? m.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height };
    },
    focus: (scope: string, termId: string, index = 0) => {
      const m = find(c, scope, termId, index);
      m?.focus();
      return !!m && m.ownerDocument.activeElement === m;
    },
    /** The focused mark's term, if focus is on one of our marks. */
    focusedTerm: () => c.registry.info(document.activeElement)?.termId ?? null,
    ariaExpanded: (scope: string, termId: string, index = 0) => find(c, scope, termId, index)?.getAttribute('aria-expanded') ?? null,
    /** What the open popover shows, asked of its frame (null when none is open). */
    popover: () => c.readPopover(),
    /** The popover box's computed colours and animation (colour scheme, reduced motion). */
    popoverStyle: () => c.popoverStyle(),
    stats: () => ({ slices: [...c.clock.slices], starts: [...c.clock.starts], passes: [...c.passTimes] }),
    settled: () => c.settled().then(() => true),
  };
  Object.defineProperty(globalThis, PROBE_NAME, { value: probe, configurable: true });
}
