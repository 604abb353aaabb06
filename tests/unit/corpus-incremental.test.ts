import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../corpus/seeds';
import { toReport, type Report } from '../../lib/corpus';
import { bloomHasKey, bloomKey, bloomOf } from '../../lib/corpus/bloom';

const bloomHas = (bloom: number[], k: string) => bloomHasKey(bloom, bloomKey(k));
import { buildIndex, indexRow, LiveIndex, type ReportIndexRow } from '../../lib/corpus/live-index';
import { isCompoundNoun, isRolePhrase } from '../../lib/corpus/extract/topics';
import { deriveTerms, extractReportTerms, TERM_LIMITS, TermStats } from '../../lib/corpus/terms';

/** Deterministic PRNG (mulberry32) so a failing sequence can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const paragraphs = readSeeds().flatMap((r) => r.text.split('\n').filter((p) => p.split(' ').length > 12));

/** A report made of 1-4 random seed paragraphs: shares entities and phrases with others, in varying amounts. */
function randomReport(next: () => number, id: string): Report {
  const n = 1 + Math.floor(next() * 4);
  const text = Array.from({ length: n }, () => paragraphs[Math.floor(next() * paragraphs.length)]!).join('\n');
  return toReport({ id, origin: 'user', text });
}

/** Every report's mentions, as comparable strings. */
const sortRefs = (rows: ReportIndexRow[]) => rows.flatMap((r) => r.mentions.map((x) => `${x.termId}|${r.reportId}|${x.sentence}`)).sort();

describe('incremental index', () => {
  for (const seed of [1, 2, 3]) {
    it(`equals a full rebuild after random adds, edits and deletes (sequence ${seed})`, () => {
      const next = rng(seed);
      const reports = new Map<string, Report>();
      const index = new LiveIndex();
      let ids = 0;
      for (let step = 0; step < 30; step++) {
        const roll = next();
        const existing = [...reports.keys()];
        let removed: string[] = [];
        let added: Report[] = [];
        if (roll < 0.5 || existing.length < 3) added = [randomReport(next, `r${ids++}`)];
        else if (roll < 0.75) added = [randomReport(next, existing[Math.floor(next() * existing.length)]!)]; // edit
        else removed = [existing[Math.floor(next() * existing.length)]!];
        for (const id of removed) reports.delete(id);
        for (const r of added) reports.set(r.id, r);
        for (const id of index.apply(removed, added.map(indexRow))) index.rematch(reports.get(id)!);
        index.takeChanges();
      }
      const full = buildIndex([...reports.values()]);
      expect(index.dictionary()).toEqual(full.terms);
      expect(sortRefs([...reports.keys()].map((id) => index.row(id)!))).toEqual(sortRefs(full.rows));
      expect(full.rows.some((r) => r.mentions.length)).toBe(true);
      expect(full.terms.length).toBeGreaterThan(5);
    });
  }

  it('re-matches only reports that may contain a changed term', () => {
    const [a, b, c] = readSeeds().map(toReport);
    const index = new LiveIndex();
    index.apply([], [indexRow(a!), indexRow(b!)]).forEach((id) => index.rematch(id === a!.id ? a! : b!));
    const unrelated = toReport({ id: 'u', origin: 'user', text: 'Farmers in Iowa reported a record corn harvest this autumn, according to the state agriculture office.' });
    const touched = index.apply([], [indexRow(unrelated)]);
    expect(touched).toEqual(['u']);
    expect(index.apply([], [indexRow(c!)]).length).toBeGreaterThanOrEqual(1);
  });
});

describe('counts', () => {
  it('adding then removing a report restores the dictionary exactly', () => {
    const [a, b, c] = readSeeds().map((r) => extractReportTerms(r.text));
    const stats = new TermStats();
    stats.add(a!);
    stats.add(b!);
    const before = deriveTerms(stats);
    stats.add(c!);
    expect(deriveTerms(stats)).not.toEqual(before);
    stats.add(c!, -1);
    expect(deriveTerms(stats)).toEqual(before);
  });

  it('bounds what one long report contributes and how big the dictionary grows', () => {
    // one report naming 300 made-up places: capped per report
    const text = Array.from({ length: 300 }, (_, i) => `Officials met in Zorvania${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))} on Monday.`).join(' ');
    const rt = extractReportTerms(text);
    expect(rt.entities.length).toBeLessThanOrEqual(TERM_LIMITS.entitiesPerReport);
    const stats = new TermStats();
    stats.add(rt);
    expect(deriveTerms(stats, 2, 10)).toHaveLength(10);
  });

  // Issue 14 asks for distinctive phrases even when one report names them ("national security
  // advisers" was missed on pages): one report now gives a topic when it names a rare phrase twice,
  // and still none for a phrase it names once.
  it('a key phrase one report names twice is a term when distinctive; one it names once is not', () => {
    const rt = extractReportTerms(readSeeds()[0]!.text);
    expect(rt.phrases.map((p) => p.forms[0]![0])).toContain('national security advisers');
    const stats = new TermStats();
    stats.add(rt);
    const terms = deriveTerms(stats);
    expect(terms.find((t) => t.label === 'national security advisers')?.kind).toBe('topic');
    const once = rt.phrases.filter((p) => p.forms.reduce((a, [, n]) => a + n, 0) === 1).map((p) => p.forms[0]![0]);
    expect(once.length).toBeGreaterThan(0);
    for (const phrase of once) expect(terms.find((t) => t.label === phrase)).toBeUndefined();
  });
});

describe('compound nouns', () => {
  it('a report that names an English compound noun once gives a topic; a free combination of frequent words does not', () => {
    const text = 'The mayor of Elling announced a trade embargo on Monday, officials said. A young man who saw the arrest said the police came at night. He spent a week in solitary confinement.';
    const stats = new TermStats();
    stats.add(extractReportTerms(text));
    const labels = deriveTerms(stats).filter((t) => t.kind === 'topic').map((t) => t.label);
    expect(labels).toContain('trade embargo');
    expect(labels).toContain('solitary confinement');
    expect(labels).not.toContain('young man');
  });

  it('a size or degree before a noun names no topic ("large blast", "tallest building"), an English compound with one does ("large intestine")', () => {
    const text = 'A large blast shook the tallest building in Elling. A large blast was heard, and the tallest building was hit. Surgeons removed part of his large intestine. The large intestine had healed.';
    const stats = new TermStats();
    stats.add(extractReportTerms(text));
    const labels = deriveTerms(stats).filter((t) => t.kind === 'topic').map((t) => t.label);
    expect(labels).not.toContain('large blast');
    expect(labels).not.toContain('tallest building');
    expect(labels).toContain('large intestine');
  });

  it('a compound that opens a sentence, capitalised, is still a topic ("Climate change is to blame")', () => {
    const stats = new TermStats();
    stats.add(extractReportTerms('Whales stranded on the coast of Elling this week. Climate change is to blame too, scientists think.'));
    expect(deriveTerms(stats).filter((t) => t.kind === 'topic').map((t) => t.label)).toContain('climate change');
  });

  it('… but not when the text capitalises that word inside sentences (a name: "Amazon users")', () => {
    const rt = extractReportTerms('Shoppers love the new store from Amazon in Seattle. Amazon users get free delivery. Amazon users pay less.');
    expect(rt.phrases.map((p) => p.key)).not.toContain('amazon user');
  });

  it('an English compound noun that two reports name is a topic, even of frequent words ("blood pressure")', () => {
    const stats = new TermStats();
    stats.add(extractReportTerms('The mayor of Elling was taken to hospital on Monday. Doctors said his blood pressure was too high.'));
    stats.add(extractReportTerms('Elling’s mayor rested at home, aides said. He has had trouble with his blood pressure for years.'));
    stats.add(extractReportTerms('The mayor of Elling drove an old car on Monday. Aides said the mayor was tired.'));
    stats.add(extractReportTerms('An old car took the mayor of Elling home, aides said.'));
    const labels = deriveTerms(stats).filter((t) => t.kind === 'topic').map((t) => t.label);
    expect(labels).toContain('blood pressure');
    expect(labels).not.toContain('old car');
  });

  it('a determiner’s adjectives with no noun after them end in their head noun ("an industrial chemical.")', () => {
    const rt = extractReportTerms('The old tank in Elling held a highly toxic industrial chemical. Workers said it was an industrial chemical and not safe to touch.');
    expect(rt.phrases.find((p) => p.forms.some(([f]) => f === 'industrial chemical'))?.forms).toEqual([['industrial chemical', 2]]);
    const stats = new TermStats();
    stats.add(rt);
    expect(deriveTerms(stats).map((t) => t.label)).toContain('industrial chemical');
  });

  it('counts a phrase as often as the text writes it, where the tagger read it as a noun phrase once ("sell mesh inserts that clip")', () => {
    const rt = extractReportTerms('The firm has partnered with Tolla to sell mesh inserts that clip onto the helmet. Buying a helmet with mesh inserts will likely cost more.');
    expect(rt.phrases.find((p) => p.key === 'mesh insert')?.forms).toEqual([['mesh inserts', 2]]);
  });

  it('… as written, or capitalised in a headline: "Diet Tips" in a Title Case headline counts, "Harbour Master" before a name does not', () => {
    const rt = extractReportTerms('Elling Clinic Hands Out Diet Tips To Hungry Crowds\n\nThe diet tips were popular with visitors in Elling on Monday. A loud boom was heard at noon, and the harbour master came.\n\nHe met Harbour Master Kari Nes.');
    expect(rt.phrases.find((p) => p.key === 'diet tip')?.forms).toEqual([['diet tips', 2]]);
    expect(rt.phrases.find((p) => p.key === 'harbor master')?.forms).toEqual([['harbour master', 1]]);
  });

  it('a phrase one report names twice is a topic with a word past the 2,000 most frequent ("diet tips"), not with frequent words only ("loud boom")', () => {
    const stats = new TermStats();
    stats.add(extractReportTerms('The clinic in Elling gave out diet tips on Monday. A loud boom was heard at noon. The diet tips were popular, and a second loud boom followed.'));
    const labels = deriveTerms(stats).filter((t) => t.kind === 'topic').map((t) => t.label);
    expect(labels).toContain('diet tips');
    expect(labels).not.toContain('loud boom');
  });

  it('a compound written as one hyphenated word of three parts is a phrase ("cap-and-trade"), an everyday one is no topic ("face-to-face")', () => {
    const stats = new TermStats();
    stats.add(extractReportTerms('The mayor of Elling promised to end cap-and-trade, aides said after a face-to-face meeting.'));
    stats.add(extractReportTerms('Critics of the cap-and-trade scheme met the mayor for a face-to-face talk in Elling.'));
    const labels = deriveTerms(stats).filter((t) => t.kind === 'topic').map((t) => t.label);
    expect(labels).toContain('cap-and-trade');
    expect(labels).not.toContain('face-to-face');
  });

  it('a phrase named once whose words the report keeps writing is its subject ("asset sale"), not a plural before a verb ("whales beach")', () => {
    const text =
      'The sale of the mill in Elling is complex. Every asset must be counted, and the assets are old. ' +
      'An asset sale like this one takes months. The sale closes in May, and the buyer pays for each asset. ' +
      'Whales came ashore near the mill. The whales beach often there, and rangers guard the whales.';
    const stats = new TermStats();
    stats.add(extractReportTerms(text));
    const labels = deriveTerms(stats).filter((t) => t.kind === 'topic').map((t) => t.label);
    expect(labels).toContain('asset sale');
    expect(labels).not.toContain('whales beach');
  });

  it('an English compound noun the tagger split is a phrase ("Kindle vending machines": "vending" read as a verb); frequent words only are not ("local time")', () => {
    const stats = new TermStats();
    stats.add(extractReportTerms('Last year, the grocer put Kindle vending machines in malls across Elling. The doors open at nine, local time.'));
    const labels = deriveTerms(stats).filter((t) => t.kind === 'topic').map((t) => t.label);
    expect(labels).toContain('vending machines');
    expect(labels).not.toContain('local time');
  });

  it('knows plurals of listed compounds and nothing outside the list', () => {
    expect(isCompoundNoun('solitary confinement')).toBe(true);
    expect(isCompoundNoun('Life sentences')).toBe(true);
    expect(isCompoundNoun('next week')).toBe(false);
  });

  it('a kind of person named by frequent words is a role, not a topic ("government spokeswoman"); an office or a rare qualifier is one', () => {
    const stats = new TermStats();
    stats.add(extractReportTerms('A government spokeswoman in Elling said local scientists had found the dam cracked. The defence minister flew in, and a dermatology specialist treated the workers.'));
    stats.add(extractReportTerms('Local scientists studied the crack in Elling, a government spokeswoman said. The defence minister called a dermatology specialist.'));
    const labels = deriveTerms(stats).filter((t) => t.kind === 'topic').map((t) => t.label);
    expect(labels).not.toContain('government spokeswoman');
    expect(labels).not.toContain('local scientists');
    expect(labels).toContain('defence minister');
    expect(labels).toContain('dermatology specialist');
    expect(isRolePhrase(['international', 'expert'])).toBe(true);
    expect(isRolePhrase(['security', 'advisor'])).toBe(false); // an office
    expect(isRolePhrase(['web', 'browser'])).toBe(false); // a browser is software too
  });
});

describe('Bloom filter', () => {
  it('never misses a key it holds and rarely claims one it does not', () => {
    const keys = Array.from({ length: 800 }, (_, i) => `k${i}`);
    const bloom = bloomOf(keys);
    for (const k of keys) expect(bloomHas(bloom, k)).toBe(true);
    const false_ = Array.from({ length: 2000 }, (_, i) => `x${i}`).filter((k) => bloomHas(bloom, k)).length;
    expect(false_ / 2000).toBeLessThan(0.05);
  });
});
