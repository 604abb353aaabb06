// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Matcher } from '../../lib/match';
import type { ExplainReply } from '../../lib/messages';
import { HOVER_OPEN_MS, PageController } from '../../lib/page/controller';
import { markAll, sentenceAround, unmarkAll } from '../../lib/page/marks';
import { seedCorpusCompiled } from './corpus-fixture';

const terms = seedCorpusCompiled().terms;
const matcher = new Matcher(terms);

const PAGE = `
  <article>
    <h1>Zelensky meets Witkoff</h1>
    <p id="a">Washington has not yet confirmed the meeting. <b>Zelensky</b> wants security guarantees.</p>
    <textarea>Zelensky in a textarea</textarea>
    <input value="Zelensky">
    <div contenteditable="true">Witkoff in an editor</div>
    <script>var x = "Zelensky";</script>
    <pre>Zelensky in code</pre>
  </article>`;

beforeEach(() => {
  document.body.innerHTML = PAGE;
});

describe('marking', () => {
  it('marks readable text only, never inputs, editors, scripts or code', () => {
    const marks = markAll(document.body, matcher);
    expect(marks.map((m) => m.textContent)).toEqual(['Zelensky', 'Witkoff', 'Washington', 'Zelensky', 'security guarantees']);
    expect(document.querySelector('textarea crosscheck-mark, [contenteditable] crosscheck-mark, script crosscheck-mark, pre crosscheck-mark')).toBeNull();
    expect(marks[0]!.getAttribute('tabindex')).toBe('0');
    expect(marks[0]!.dataset.term).toBe('volodymyr-zelensky');
  });

  it('unmarking restores the page exactly', () => {
    const before = document.body.innerHTML;
    markAll(document.body, matcher);
    expect(document.body.innerHTML).not.toBe(before);
    expect(unmarkAll(document.body)).toBe(5);
    expect(document.body.innerHTML).toBe(before);
  });

  it('finds the page sentence around a mark', () => {
    markAll(document.body, matcher);
    const zel = document.querySelector('#a b crosscheck-mark')!;
    expect(sentenceAround(zel)).toBe('Zelensky wants security guarantees.');
    const wash = document.querySelector('#a crosscheck-mark')!;
    expect(sentenceAround(wash)).toBe('Washington has not yet confirmed the meeting.');
  });
});

describe('PageController', () => {
  const reply: ExplainReply = {
    termId: 'volodymyr-zelensky',
    label: 'Volodymyr Zelensky',
    kind: 'person',
    reportCount: 1,
    claim: 'Zelensky wants security guarantees.',
    items: [
      {
        reportId: 'r1', title: '<img src=x onerror=alert(1)>', lead: 'lead', source: null, author: null, date: null, dateline: null, origin: 'seed',
        sentence: 'He <b>said</b> so.', verdict: 'corroborates', reason: 'both say it', parts: null, sides: null, certainty: 'likely',
      },
    ],
    more: 0,
  };
  let counts: number[];
  let ctl: PageController;
  beforeEach(() => {
    counts = [];
    ctl = new PageController(document, {
      dictionary: async () => ({ version: '1', terms: terms.map((t) => ({ ...t, reportCount: t.reportIds.length })) }),
      explain: async () => reply,
      reportCount: (n) => counts.push(n),
    });
  });
  afterEach(() => ctl.disable());

  it('marks on enable, reports the count, and clears everything on disable', async () => {
    await ctl.enable();
    expect(ctl.marks()).toHaveLength(5);
    expect(counts.at(-1)).toBe(5);
    expect(ctl.mentions()[0]).toEqual({ termId: 'volodymyr-zelensky', label: 'Volodymyr Zelensky', count: 2 });
    ctl.disable();
    expect(ctl.marks()).toHaveLength(0);
    expect(counts.at(-1)).toBe(0);
    await ctl.enable();
    expect(ctl.marks()).toHaveLength(5);
  });

  it('marks content added later', async () => {
    await ctl.enable();
    const p = document.createElement('p');
    p.textContent = 'Later, Putin spoke in Moscow.';
    document.body.appendChild(p);
    await vi.waitFor(() => expect(p.querySelectorAll('crosscheck-mark')).toHaveLength(2), { timeout: 2000 });
    expect(ctl.marks()).toHaveLength(7);
  });

  it('marks a burst of added content (an infinite-scroll page) in one pass', async () => {
    await ctl.enable();
    const feed = document.createElement('section');
    document.body.appendChild(feed);
    for (let i = 0; i < 300; i++) {
      const p = document.createElement('p');
      p.innerHTML = `Item ${i}: <i>Witkoff</i> met officials in Kyiv.`;
      feed.appendChild(p);
    }
    await vi.waitFor(() => expect(feed.querySelectorAll('crosscheck-mark')).toHaveLength(600), { timeout: 3000 });
    expect(counts.at(-1)).toBe(605);
  });

  it('opens the popover on focus, renders corpus text as text, closes on Escape', async () => {
    await ctl.enable();
    const mark = document.querySelector<HTMLElement>('#a b crosscheck-mark')!;
    mark.focus();
    mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const root = () => document.querySelector('crosscheck-ui')?.shadowRoot;
    await vi.waitFor(() => expect(root()?.querySelector('.cc-item')).toBeTruthy());
    const item = root()!.querySelector('.cc-item')!;
    expect(item.querySelector('.cc-title')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(item.querySelector('.cc-title img, .cc-sentence b')).toBeNull();
    expect(item.querySelector('.cc-sentence')!.textContent).toBe('He <b>said</b> so.');
    expect(root()!.querySelector('.cc-term')!.textContent).toBe('Volodymyr Zelensky');
    expect(root()!.querySelector('.cc-group h3')!.textContent).toBe('Corroborates (1)');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector('crosscheck-ui')).toBeNull();
  });

  it('opens on hover only after the intent delay', async () => {
    vi.useFakeTimers();
    try {
      await ctl.enable();
      const mark = document.querySelector<HTMLElement>('#a crosscheck-mark')!;
      mark.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      vi.advanceTimersByTime(HOVER_OPEN_MS - 50);
      expect(document.querySelector('crosscheck-ui')).toBeNull();
      vi.advanceTimersByTime(100);
      expect(document.querySelector('crosscheck-ui')).not.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
