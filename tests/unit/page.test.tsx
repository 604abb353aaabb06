// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Matcher } from '../../lib/match';
import type { ExplainReply } from '../../lib/messages';
import { PageController } from '../../lib/page/controller';
import { markAll, MarkRegistry, MAX_MARKS_PER_BLOCK, SENTENCE_WINDOW, sentenceAround, textNodes } from '../../lib/page/marks';
import { chunkBounds, markInSlices } from '../../lib/page/pass';
import { debounceMaxWait, SliceClock } from '../../lib/page/schedule';
import { isChrome, linkDensity, mainContent, MAX_TEXT_CHARS, Scope } from '../../lib/page/scope';
import { Verdicts } from '../../lib/page/verdicts';
import { Visibility } from '../../lib/page/visible';
import { InlinePopover } from './inline-popover';
import { DEFAULT_PREFERENCES } from '../../lib/settings';
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

const CHROME_PAGE = `
  <header class="site-header"><nav><a href="/w">Washington</a> <a href="/k">Kyiv</a></nav><h2>Zelensky news</h2></header>
  <main><article id="story">
    <h1>Zelensky and Witkoff meet in Paris</h1>
    <p class="byline">By a reporter in Kyiv</p>
    <p id="body1">Ukrainian President Zelensky met U.S. envoy Witkoff in Paris on Sunday, officials said, and discussed the plan at length.</p>
    <p id="body2">Putin was not invited, according to a statement from Moscow, and the talks lasted, as planned, for several hours.</p>
    <p id="linked">Read more about <a href="/p" id="link">Putin</a> here, in this long paragraph about the war, which goes on.</p>
    <figure><img alt=""><figcaption>Zelensky in Kyiv</figcaption></figure>
  </article></main>
  <aside><ul><li><a href="/1">Zelensky visits Paris</a></li><li><a href="/2">Witkoff in Moscow</a></li></ul></aside>
  <footer>About Kyiv Post · Washington bureau</footer>`;

beforeEach(() => {
  document.body.innerHTML = PAGE;
});

describe('marks', () => {
  it('marks readable text only, never inputs, editors, scripts or code', () => {
    const marks = markAll(document.body, matcher);
    expect(marks.map((m) => m.textContent)).toEqual(['Zelensky', 'Witkoff', 'Washington', 'Zelensky', 'security guarantees']);
    expect(document.querySelector('textarea, [contenteditable], script, pre')!.children.length).toBe(0);
  });

  it('puts no term ids, labels or other data in the page DOM and uses a random tag name', () => {
    const registry = new MarkRegistry();
    const [mark] = markAll(document.body, matcher, registry);
    expect(mark!.localName).toBe(registry.tag);
    expect(registry.tag).toMatch(/^cc[a-z]{8}$/);
    expect(new MarkRegistry().tag).not.toBe(registry.tag);
    expect([...mark!.attributes].map((a) => a.name).sort()).toEqual(['aria-expanded', 'aria-haspopup', 'role', 'tabindex']);
    expect(document.body.innerHTML).not.toMatch(/volodymyr|data-term|Crosscheck/i);
    expect(registry.info(mark)).toMatchObject({ termId: 'volodymyr-zelensky', interactive: true });
  });

  it('never trusts a page-made element that looks like a mark', () => {
    const registry = new MarkRegistry();
    markAll(document.body, matcher, registry);
    const fake = document.createElement(registry.tag);
    fake.textContent = 'Zelensky';
    document.body.appendChild(fake);
    expect(registry.info(fake)).toBeUndefined();
    expect(registry.markOf(fake.firstChild)).toBeNull();
    expect(registry.all()).not.toContain(fake);
    registry.clear();
    expect(fake.isConnected).toBe(true);
  });

  it('gives one tab stop per paragraph (roving tabindex) and keeps marks in links passive', () => {
    document.body.innerHTML = `<p id="p">Zelensky met Witkoff and Putin.</p><p><a href="/x" id="l">Zelensky</a> in a link, <label>Witkoff in a label</label></p>`;
    const registry = new MarkRegistry();
    const marks = markAll(document.body, matcher, registry);
    expect(marks.slice(0, 3).map((m) => m.tabIndex)).toEqual([0, -1, -1]);
    const inLink = document.querySelector('#l')!.firstElementChild as HTMLElement;
    expect(registry.info(inLink)?.interactive).toBe(false);
    expect(inLink.hasAttribute('tabindex') || inLink.hasAttribute('role')).toBe(false);
    expect(document.querySelector('#l')!.textContent).toBe('Zelensky');
  });

  it('unmarking restores the page exactly', () => {
    const before = document.body.innerHTML;
    const registry = new MarkRegistry();
    markAll(document.body, matcher, registry);
    expect(document.body.innerHTML).not.toBe(before);
    expect(registry.clear()).toBe(5);
    expect(document.body.innerHTML).toBe(before);
  });

  it('finds the whole page sentence around a mark, across source line breaks', () => {
    markAll(document.body, matcher);
    const marks = textNodes(document.body).length;
    expect(marks).toBeGreaterThan(0);
    const zel = document.querySelector('#a b')!.firstElementChild!;
    expect(sentenceAround(zel)).toBe('Zelensky wants security guarantees.');
    document.body.innerHTML = '<p>The United States is willing to assist Tunisian authorities in\n    their investigation, Washington said.</p>';
    const [wash] = markAll(document.body, matcher).filter((m) => m.textContent === 'Washington');
    expect(sentenceAround(wash!)).toBe('The United States is willing to assist Tunisian authorities in their investigation, Washington said.');
  });

  it('cuts long text into chunks at sentence ends, covering every character once', () => {
    const text = 'Zelensky met Witkoff in Paris. '.repeat(500);
    const bounds = chunkBounds(text, 1000);
    expect(bounds[0]![0]).toBe(0);
    expect(bounds.at(-1)![1]).toBe(text.length);
    for (let i = 1; i < bounds.length; i++) expect(bounds[i]![0]).toBe(bounds[i - 1]![1]);
    for (const [s, e] of bounds.slice(0, -1)) expect(text.slice(s, e).endsWith('. ')).toBe(true);
  });
});

describe('scope', () => {
  beforeEach(() => {
    document.body.innerHTML = CHROME_PAGE;
  });

  it('finds the article as the main content', () => {
    expect(mainContent(document)?.id).toBe('story');
  });

  it('article scope leaves navigation, site headings, bylines, captions, link lists and footers alone', () => {
    const main = mainContent(document);
    const where = textNodes(document.body, 'article', main).map((n) => n.parentElement!.closest('[id]')?.id ?? n.parentElement!.tagName);
    expect(new Set(where)).toEqual(new Set(['story', 'body1', 'body2', 'linked', 'link']));
    expect(isChrome(document.querySelector('aside ul')!, main)).toBe(true);
    expect(isChrome(document.querySelector('.byline')!, main)).toBe(true);
  });

  it('link density: the share of non-space text inside links, 0 without links', () => {
    document.body.innerHTML = '<ul id="l"><li><a href="#">Kyiv  talks</a> (live)</li></ul><div id="n">No links at all.</div><div id="e"><a href="#"> </a>Text</div>';
    expect(linkDensity(document.getElementById('l')!)).toBeCloseTo(9 / 15);
    expect(linkDensity(document.getElementById('n')!)).toBe(0);
    expect(linkDensity(document.getElementById('e')!)).toBe(0); // a link with no text
  });

  it('"everywhere" scope marks chrome too, but never controls', () => {
    document.body.insertAdjacentHTML('beforeend', '<button>Zelensky</button>');
    const texts = textNodes(document.body, 'everywhere').map((n) => n.nodeValue);
    expect(texts).toContain('Washington');
    expect(texts).toContain('About Kyiv Post · Washington bureau');
    expect(texts).not.toContain('Zelensky');
  });
});

describe('marking pass', () => {
  it('a root around one already walked in the same pass skips it; text marked before is passed over, not marked twice', async () => {
    document.body.innerHTML = '<div id="main"><p>Zelensky spoke in Kyiv.</p><p><b>Zelensky</b> again.</p></div><p id="out">Zelensky abroad.</p>';
    const registry = new MarkRegistry();
    const scope = new Scope('everywhere', null, (el) => !!registry.info(el));
    const rejects = vi.spyOn(scope, 'rejects');
    const seen = new WeakSet<Text>();
    const deps = { registry, matcher, scope, clock: new SliceClock(), signal: new AbortController().signal, seen, onShadowRoot: () => undefined, afterSlice: () => undefined };
    const main = document.getElementById('main')!;
    // on screen first (the first paragraph), then the main text around it, then the page around that
    expect(await markInSlices([main.firstElementChild!, main, document.body], deps)).toBe(4);
    expect([...document.querySelectorAll(registry.tag)].map((m) => m.textContent)).toEqual(['Zelensky', 'Kyiv', 'Zelensky', 'Zelensky']);
    // the page walk did not enter the main text again
    const inside = main.querySelector('b')!;
    expect(rejects.mock.calls.filter(([el]) => el === inside)).toHaveLength(1);
  });
});

describe('bounded work on huge text', () => {
  const pass = (registry: MarkRegistry) => ({
    registry, matcher, scope: new Scope('everywhere', null, (el) => !!registry.info(el)), clock: new SliceClock(),
    signal: new AbortController().signal, seen: new WeakSet<Text>(), onShadowRoot: () => undefined, afterSlice: () => undefined,
  });

  it('a paragraph gets at most MAX_MARKS_PER_BLOCK marks, its text unchanged', async () => {
    const text = 'Zelensky met officials today. '.repeat(MAX_MARKS_PER_BLOCK + 50);
    document.body.innerHTML = '<div id="big"></div><p id="next">Zelensky again.</p>';
    document.getElementById('big')!.textContent = text;
    const registry = new MarkRegistry();
    expect(await markInSlices([document.body], pass(registry))).toBe(MAX_MARKS_PER_BLOCK + 1);
    expect(document.getElementById('big')!.textContent).toBe(text);
    expect(document.querySelectorAll(`#next ${registry.tag}`).length).toBe(1);
    // the sentence around the last mark is read from a window around it, not from the whole block
    const inBig = document.querySelectorAll(`#big ${registry.tag}`);
    expect(inBig.length).toBe(MAX_MARKS_PER_BLOCK);
    expect(sentenceAround(inBig[inBig.length - 1]!)).toBe('Zelensky met officials today.');
  }, 20_000);

  it('a text node longer than MAX_TEXT_CHARS is not marked (marking would lay the whole of it out again)', async () => {
    document.body.innerHTML = '<div id="big"></div><p>Zelensky spoke.</p>';
    document.getElementById('big')!.textContent = 'Zelensky met officials today. '.repeat(Math.ceil(MAX_TEXT_CHARS / 30) + 1);
    const registry = new MarkRegistry();
    expect(await markInSlices([document.body], pass(registry))).toBe(1);
  });

  it('reads at most SENTENCE_WINDOW characters on each side of a mark', () => {
    document.body.innerHTML = `<p>${'x'.repeat(SENTENCE_WINDOW * 3)} and then Zelensky spoke ${'y'.repeat(SENTENCE_WINDOW * 3)}</p>`;
    const [mark] = markAll(document.body, matcher);
    expect(sentenceAround(mark!).length).toBeLessThanOrEqual(600);
    expect(sentenceAround(mark!)).toMatch(/^x+/);
  });

  it('a chunk boundary in text with no break at all is the chunk size', () => {
    expect(chunkBounds('a'.repeat(10_000), 1000).length).toBe(10);
  });
});

describe('only visible text is marked', () => {
  it('hidden text (display, visibility, font-size 0, transparent, inert) gets no mark; visible text does', async () => {
    document.body.innerHTML = `<p id="v">Zelensky spoke.</p><p style="display:none">Putin spoke.</p><p style="visibility:hidden">Putin spoke.</p>
      <p style="font-size:0">Putin spoke.</p><p style="color:transparent">Putin spoke.</p><div inert><p>Putin spoke.</p></div>`;
    const registry = new MarkRegistry();
    const hidden: Text[] = [];
    const deps = { registry, matcher, scope: new Scope('everywhere', null, (el) => !!registry.info(el)), clock: new SliceClock(), signal: new AbortController().signal,
      seen: new WeakSet<Text>(), onShadowRoot: () => undefined, afterSlice: () => undefined, onHidden: (t: Text) => void hidden.push(t) };
    expect(await markInSlices([document.body], deps)).toBe(1);
    expect(registry.all().map((m) => m.textContent)).toEqual(['Zelensky']);
    // what was hidden is handed back for another look (inert is never walked)
    expect(hidden.length).toBe(4);
    const v = new Visibility();
    expect(v.visible(document.getElementById('v')!)).toBe(true);
  });
});

describe('scheduling', () => {
  it('a debounce with a max wait fires even while changes never stop', () => {
    vi.useFakeTimers();
    try {
      const fn = vi.fn();
      const d = debounceMaxWait(fn, 150, 1000);
      for (let t = 0; t < 2500; t += 100) {
        d.call();
        vi.advanceTimersByTime(100);
      }
      expect(fn.mock.calls.length).toBeGreaterThanOrEqual(2);
      d.cancel();
    } finally {
      vi.useRealTimers();
    }
  });

  it('verdicts are asked once per term and sentence, failures are not kept', async () => {
    let calls = 0;
    const v = new Verdicts(async () => {
      if (++calls === 1) throw new Error('offline');
      return null;
    });
    await expect(v.get('t', 'c')).rejects.toThrow('offline');
    expect(v.conflicts('t', 'c')).toBeUndefined();
    await v.get('t', 'c');
    await v.get('t', 'c');
    expect(calls).toBe(2);
    expect(v.conflicts('t', 'c')).toBe(false);
  });
});

describe('PageController', () => {
  const item = (verdict: 'corroborates' | 'conflicts' | 'related', id: string) => ({
    reportId: id, title: '<img src=x onerror=alert(1)>', lead: 'lead', source: null, author: null, date: null, dateline: null, origin: 'seed' as const,
    sentence: 'He <b>said</b> so.', verdict, reason: 'both say it', parts: null, sides: null, certainty: 'likely' as const,
  });
  const reply = (termId: string): ExplainReply => ({
    termId, label: termId === 'volodymyr-zelensky' ? 'Volodymyr Zelensky' : termId, kind: 'person', reportCount: 1, claim: 'claim',
    items: termId === 'washington' ? [item('corroborates', 'r1'), item('conflicts', 'r2')] : [item('corroborates', 'r1')],
    more: 0,
  });
  let counts: [number, number][];
  let ctl: PageController;
  let explained: string[];
  let checked: string[][];
  let popover: InlinePopover;
  beforeEach(() => {
    counts = [];
    explained = [];
    checked = [];
    ctl = new PageController(document, {
      dictionary: async () => ({ version: '1', terms }),
      explain: async (termId, claim) => {
        explained.push(`${termId}|${claim}`);
        return reply(termId);
      },
      reportCount: (n, c) => counts.push([n, c]),
      check: async (sentences) => {
        checked.push(sentences);
        const claim = sentences.join(' ');
        return { termId: '', label: '', kind: '', reportCount: claim.includes('Washington') ? 1 : 0, claim, items: claim.includes('Washington') ? [item('conflicts', 'r2')] : [], more: 0, selection: true };
      },
    }, (doc, events) => (popover = new InlinePopover(doc, events)));
  });
  afterEach(() => ctl.disable());

  it('marks on enable, reports the count, and leaves nothing behind on disable', async () => {
    const before = document.documentElement.outerHTML;
    await ctl.enable();
    await ctl.settled();
    expect(ctl.marks()).toHaveLength(5);
    expect(counts.at(-1)![0]).toBe(5);
    expect(ctl.mentions()[0]).toMatchObject({ termId: 'volodymyr-zelensky', label: 'Volodymyr Zelensky', count: 2 });
    expect(document.querySelectorAll('style').length).toBe(1);
    ctl.disable();
    expect(ctl.marks()).toHaveLength(0);
    expect(counts.at(-1)).toEqual([0, 0]);
    expect(document.documentElement.outerHTML).toBe(before);
    await ctl.enable();
    await ctl.settled();
    expect(ctl.marks()).toHaveLength(5);
  });

  it('judges the marks lazily and puts the conflicts first in the page summary', async () => {
    await ctl.enable();
    await ctl.settled();
    await vi.waitFor(() => expect(counts.at(-1)).toEqual([5, 1]), { timeout: 3000 });
    const m = ctl.mentions();
    expect(m[0]).toMatchObject({ termId: 'washington', conflicts: 1 });
    expect(explained).toContain('washington|Washington has not yet confirmed the meeting.');
  });

  it('judges the page again when the evidence index changed under the same dictionary', async () => {
    await ctl.enable();
    await ctl.settled();
    const sentence = 'washington|Washington has not yet confirmed the meeting.';
    await vi.waitFor(() => expect(explained).toContain(sentence), { timeout: 3000 });
    const asked = explained.filter((e) => e === sentence).length;
    ctl.refreshVerdicts();
    await vi.waitFor(() => expect(explained.filter((e) => e === sentence).length).toBe(asked + 1), { timeout: 3000 });
    await vi.waitFor(() => expect(counts.at(-1)).toEqual([5, 1]), { timeout: 3000 });
  });

  it('marks content added later, and keeps up with a page that changes every 100 ms', async () => {
    await ctl.enable();
    await ctl.settled();
    const clock = document.createElement('span');
    document.body.appendChild(clock);
    const tick = setInterval(() => (clock.textContent = String(Date.now())), 100);
    try {
      const p = document.createElement('p');
      p.textContent = 'Later, Putin spoke in Moscow.';
      document.body.appendChild(p);
      await vi.waitFor(() => expect(p.children).toHaveLength(2), { timeout: 2500 });
      expect(ctl.marks()).toHaveLength(7);
    } finally {
      clearInterval(tick);
    }
  });

  it('marks a burst of added content (an infinite-scroll page)', async () => {
    await ctl.enable();
    await ctl.settled();
    const feed = document.createElement('section');
    document.body.appendChild(feed);
    for (let i = 0; i < 300; i++) {
      const p = document.createElement('p');
      p.innerHTML = `Item ${i}: <i>Witkoff</i> met officials in Kyiv.`;
      feed.appendChild(p);
    }
    await vi.waitFor(() => expect(ctl.marks()).toHaveLength(605), { timeout: 5000 });
  });

  it('marks a new <body> that replaces the old one (single-page apps)', async () => {
    await ctl.enable();
    await ctl.settled();
    const body = document.createElement('body');
    body.innerHTML = '<p>Putin and Zelensky spoke.</p>';
    document.documentElement.replaceChild(body, document.body);
    await vi.waitFor(() => expect(ctl.marks().map((m) => m.textContent)).toEqual(['Putin', 'Zelensky']), { timeout: 3000 });
  });

  it('ignores synthetic events from the page', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await ctl.enable();
      await vi.runAllTimersAsync();
      const mark = ctl.marks()[0]!;
      mark.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      mark.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await vi.advanceTimersByTimeAsync(DEFAULT_PREFERENCES.hoverDelayMs + 100);
      expect(await ctl.readPopover()).toBeNull();
      expect(popover.host?.isConnected ?? false).toBe(false);
      expect(mark.getAttribute('aria-expanded')).toBe('false');
    } finally {
      vi.useRealTimers();
    }
  });

  it('renders the popover view, conflicts first, corpus text as text only', async () => {
    await ctl.enable();
    await ctl.settled();
    const wash = ctl.marks().find((m) => m.textContent === 'Washington')!;
    await ctl.open(wash, true);
    expect(popover.host!.isConnected).toBe(true);
    expect(wash.getAttribute('aria-expanded')).toBe('true');
    const pop = (await ctl.readPopover())!;
    expect(pop.count).toBe('1 report mentions it');
    expect(pop.items.map((i) => i.verdict)).toEqual(['conflicts', 'corroborates']);
    expect(pop.items[0]!.title).toBe('<img src=x onerror=alert(1)>');
    expect(pop.items[0]!.sentence).toBe('He <b>said</b> so.');
    ctl.close(true);
    expect(popover.host!.isConnected).toBe(false);
    expect(wash.getAttribute('aria-expanded')).toBe('false');
  });

  it('reveal() opens the popover of a term’s mark for the popup', async () => {
    await ctl.enable();
    await ctl.settled();
    expect(ctl.reveal('no-such-term')).toBe(false);
    expect(ctl.reveal('security-guarantees')).toBe(true);
    await vi.waitFor(async () => expect((await ctl.readPopover())?.items.length).toBe(1));
  });

  it('checkSelection() opens the popover for the whole sentence(s) of the selection, marked or not; nothing without a selection', async () => {
    expect(ctl.checkSelection()).toBe(false); // off: nothing listens for Esc or clicks yet
    await ctl.enable();
    await ctl.settled();
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    expect(ctl.checkSelection()).toBe(false);
    expect(await ctl.readPopover()).toBeNull();
    // "has not yet" in the first sentence of #a, which also holds a mark (Washington)
    const text = [...document.getElementById('a')!.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('has not yet'))!;
    const r = document.createRange();
    const at = text.textContent!.indexOf('has not yet');
    r.setStart(text, at);
    r.setEnd(text, at + 'has not yet'.length);
    sel.addRange(r);
    expect(ctl.checkSelection()).toBe(true);
    await vi.waitFor(async () => expect((await ctl.readPopover())?.status).toBe('ready'));
    expect(checked).toEqual([['Washington has not yet confirmed the meeting.']]);
    const pop = (await ctl.readPopover())!;
    expect(pop).toMatchObject({ term: 'Selected text', count: '1 report speaks to it', claim: 'This page: “Washington has not yet confirmed the meeting.”' });
    expect(pop.items.map((i) => i.verdict)).toEqual(['conflicts']);
    ctl.close(true);
    expect(await ctl.readPopover()).toBeNull();
    // a sentence nothing relates to says so
    const h1 = document.querySelector('h1')!;
    sel.removeAllRanges();
    sel.selectAllChildren(h1);
    expect(ctl.checkSelection()).toBe(true);
    await vi.waitFor(async () => expect((await ctl.readPopover())?.status).toBe('ready'));
    expect((await ctl.readPopover())!.empty).toBe('Nothing in your corpus relates to this text. No report names what it names or says anything about it.');
  });

  it('re-marks with the reader’s preferences (kinds)', async () => {
    await ctl.enable();
    await ctl.settled();
    await ctl.setPreferences({ ...DEFAULT_PREFERENCES, kinds: ['place'] });
    await ctl.settled();
    expect(ctl.marks().map((m) => m.textContent)).toEqual(['Washington']);
  });
});
