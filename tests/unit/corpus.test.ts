import { describe, expect, it } from 'vitest';
import { parseReport } from '../../lib/corpus/parse';
import { cleanName, extractReportTerms, extractTerms, transliterationVariants } from '../../lib/corpus/terms';
import { ID, seedCorpusCompiled } from './corpus-fixture';

describe('parseReport', () => {
  it('keeps only metadata the text states', () => {
    const c = seedCorpusCompiled();
    const kyiv = c.reports.find((r) => r.id === ID.kyiv)!;
    expect(kyiv.title).toBe("Ukraine's partners gather in Kyiv to discuss roadmap for ending war");
    expect(kyiv.author).toBe('Abdiwahab Ahmed');
    expect(kyiv.source).toMatch(/^Axadle Times/);
    expect(kyiv.dateline).toBe('KYIV, Ukraine');
    expect(kyiv.date).toBeNull(); // the text never states a publication date
    const untitled = c.reports.find((r) => r.id === ID.washington)!;
    expect(untitled.title).toBeNull();
    expect(untitled.source).toBeNull();
    expect(untitled.author).toBeNull();
    expect(c.reports.find((r) => r.id === ID.summit)!.dateline).toBe('Kyiv');
  });
  it('drops page furniture and keeps sub-headings out of sentences', () => {
    const p = parseReport('A headline here\nFirst paragraph says something. Second sentence too.\n- Advertisement -\nUS role seen as decisive\nLast paragraph is here.\nLeave a Reply');
    expect(p.title).toBe('A headline here');
    expect(p.headings).toEqual(['US role seen as decisive']);
    expect(p.sentences).toEqual(['First paragraph says something.', 'Second sentence too.', 'Last paragraph is here.']);
  });
  it('reads a numbered section title as a sub-heading, not a number line as one', () => {
    const p = parseReport('A headline here\nFirst paragraph says something about the town.\n2.1 Harbour Works\n2.2 Quayside\n12 people were hurt in the fire.\nLast paragraph is here.');
    expect(p.headings).toEqual(['2.1 Harbour Works', '2.2 Quayside']);
    expect(p.sentences).toContain('12 people were hurt in the fire.');
  });
});

describe('term dictionary', () => {
  const c = seedCorpusCompiled();
  const term = (label: string) => c.terms.find((t) => t.label === label || t.aliases.includes(label));

  it('groups transliterations of Zelensky into one person with all spellings', () => {
    const z = term('Zelenskyy')!;
    expect(z.kind).toBe('person');
    expect([z.label, ...z.aliases]).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Volodymyr Zelenskyy']));
    expect(z.reportCount).toBe(5);
    expect(c.index.filter((r) => r.hits[z.id])).toHaveLength(5);
  });
  it('knows Witkoff by surname and U.S. as the United States', () => {
    expect(term('Witkoff')!.label).toBe('Steve Witkoff');
    expect(term('U.S.')!.label).toBe('United States');
    expect(term('US')!.label).toBe('United States');
  });
  it('finds key phrases that several reports share, with inflections', () => {
    const sg = term('security guarantees')!;
    expect(sg.kind).toBe('topic');
    expect(sg.aliases).toContain('security guarantee');
    expect(sg.reportCount).toBe(5);
    expect(c.index.filter((r) => r.hits[sg.id])).toHaveLength(5);
  });
  it('has no generic single words', () => {
    for (const t of c.terms) {
      if (t.kind === 'topic') expect(t.label.split(' ').length).toBeGreaterThan(1);
      else expect(t.label).toMatch(/^[A-Z]/);
    }
    expect(term('guarantees')).toBeUndefined();
    expect(term('war')).toBeUndefined();
    expect(term('President')).toBeUndefined();
  });
  it('indexes which sentences mention each term', () => {
    const w = term('Witkoff')!;
    const refs = c.index.flatMap((row) => row.mentions.filter((m) => m.termId === w.id).map((m) => ({ ...m, reportId: row.reportId })));
    expect(refs).toHaveLength(1);
    const r = c.reports.find((x) => x.id === refs[0]!.reportId)!;
    expect(r.sentences[refs[0]!.sentence]).toContain('Steve Witkoff participated virtually');
  });
  it('cleans tagged names', () => {
    expect(cleanName('President Volodymyr Zelenskyy,')).toBe('Volodymyr Zelenskyy');
    expect(cleanName('Russia.')).toBe('Russia');
    expect(cleanName('U.S.')).toBe('U.S.');
    expect(cleanName('KYIV')).toBe('Kyiv');
    expect(transliterationVariants('Zelenskyy')).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskiy', 'Zelenskyi']));
  });
  it('needs a phrase in two reports before it becomes a topic', () => {
    const terms = extractTerms(['The frozen assets were discussed.', 'Nothing else here at all.']);
    expect(terms.find((t) => t.label === 'frozen assets')).toBeUndefined();
  });
  it('finds the places the seeds name that the tagger leaves unclassified, with compromise', () => {
    expect(term('Donbas')?.kind).toBe('place');
    expect(term('Britain')?.label).toBe('United Kingdom');
    const kyiv = c.reports.find((r) => r.id === ID.kyiv)!;
    const names = extractReportTerms([kyiv.title, kyiv.text].join('\n\n')).entities.flatMap((e) => e.forms.map(([f]) => f));
    expect(names).toEqual(expect.arrayContaining(['Mar-a-Lago', 'Donbas', 'Britain']));
    expect(names).not.toContain('War'); // "Institute for the Study of War" is not a place
  });
});
