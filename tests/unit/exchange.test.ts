import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CrosscheckDB } from '../../lib/db';
import { EXPORT_FORMAT, MAX_FILE_BYTES, MAX_REPORTS, checkFileSize, parseExportFile, toExportFile, toNewReport } from '../../lib/corpus/exchange';
import { exportReports, importReports, seedCorpus, whenIndexed } from '../../lib/background/store';
import { seedCorpusCompiled } from './corpus-fixture';

let n = 0;
const dbs: CrosscheckDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    await whenIndexed(db);
    await db.delete();
  }
});
async function seeded() {
  const db = new CrosscheckDB(`exchange-${n++}`);
  dbs.push(db);
  await seedCorpus(db, seedCorpusCompiled());
  return db;
}

const TEXT = 'The harbour authority of Port Elling said on Monday that the new ferry terminal will open in June.';
const entry = (i: number, extra: Record<string, unknown> = {}) => ({ id: `user-${i}`, origin: 'user', title: `Report ${i}`, source: 'Elling Post', author: null, date: '2025-01-02', url: `https://post.example/${i}`, text: `${TEXT} Item ${i}.`, ...extra });
const file = (reports: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2025-01-01T00:00:00Z', reports, ...extra });

/** The database's reports, as comparable rows. */
async function snapshot(db: CrosscheckDB) {
  return (await db.reports.toArray()).map((r) => JSON.stringify(r)).sort();
}

describe('export file: a scraped body’s link and emphasis tags', () => {
  it('go, and the words stay: one such report does not refuse the file', () => {
    const parsed = parseExportFile(file([entry(1), entry(2, { text: `${TEXT} Read <a href="https://post.example/review">the <b>full</b> review</a> here.<br>More soon.` })]));
    expect(parsed.reports[1]!.text).toBe(`${TEXT} Read the full review here.\nMore soon.`);
  });
  it('a closed HTML comment (a scraper’s leftover ad code) goes with what it holds; the words around it stay', () => {
    const ad = `<!-- ad_slot = "300x250"; ad_client = "pub-1"; //-->`;
    const parsed = parseExportFile(file([entry(1, { text: `${TEXT}\n\n${ad}\n\n${ad}\nThe council meets again in May.` })]));
    expect(parsed.reports[0]!.text.replace(/\s+/g, ' ')).toBe(`${TEXT} The council meets again in May.`);
  });
  it('an unclosed comment, or hostile markup outside a comment, still refuses the file, naming the report', () => {
    expect(() => parseExportFile(file([entry(1), entry(2, { text: `${TEXT} <!-- the rest of the page` })]))).toThrow(/^report 2: The report text must be plain text/);
    expect(() => parseExportFile(file([entry(1, { text: `${TEXT} <!-- ad --> <script>alert(1)</script>` })]))).toThrow(/^report 1: The report text must be plain text/);
  });
  it('hostile markup beside them still refuses the file, naming the report', () => {
    expect(() => parseExportFile(file([entry(1), entry(2, { text: `${TEXT} <a href="x">link</a> <script>alert(1)</script>` })]))).toThrow(/^report 2: The report text must be plain text/);
    expect(() => parseExportFile(file([entry(1, { text: `${TEXT} <b onmouseover="alert(1)">x</b>` })]))).toThrow(/^report 1: The report text must be plain text/);
  });
});

describe('export file: each kind of bad file is refused, naming the first problem', () => {
  const cases: [string, () => string, RegExp][] = [
    ['malformed JSON', () => '{"format": "crosscheck-corpus", "version": 1, "reports": [', /not valid JSON/],
    ['not an export file', () => JSON.stringify({ hello: 'world' }), /not a Crosscheck export file/],
    ['a bare list', () => JSON.stringify([entry(1)]), /not a Crosscheck export file/],
    ['a newer schema version', () => file([entry(1)], { version: 2 }), /format version 2; this Crosscheck reads version 1/],
    ['a missing schema version', () => file([entry(1)], { version: undefined }), /format version null/],
    ['more than 50,000 reports', () => file(Array.from({ length: MAX_REPORTS + 1 }, (_, i) => entry(i))), /more than 50,000 reports/],
    ['HTML in a title', () => file([entry(1), entry(2, { title: '<img src=x onerror=alert(1)>' })]), /^report 2: The title must be plain text, not HTML or script/],
    ['script in the text', () => file([entry(1, { text: `${TEXT} <script>alert(1)</script>` })]), /^report 1: The report text must be plain text/],
    ['a javascript: URL', () => file([entry(1, { url: 'javascript:alert(1)' })]), /^report 1: The URL must start with http/],
    ['a wrong type', () => file([entry(1), entry(2), entry(3, { date: 20250102 })]), /^report 3: The date must be text/],
    ['a null text', () => file([entry(1, { text: null })]), /^report 1: The report text must be text/],
    ['duplicate ids', () => file([entry(1), entry(2), entry(1, { text: `${TEXT} Another.` })]), /^report 3: the id “user-1” is used twice \(also by report 1\)/],
    ['a lone surrogate', () => file([entry(1, { author: 'Ana \\ud800 Ruiz' })]).replace('\\\\ud800', '\\ud800'), /^report 1: The author contains broken characters/],
    ['a bad origin', () => file([entry(1, { origin: 'admin' })]), /^report 1: The origin must be/],
  ];
  for (const [what, make, message] of cases) {
    it(what, () => {
      expect(() => parseExportFile(make())).toThrow(message);
    });
  }

  it('refuses a file over 50 MB by its size, before reading it', () => {
    expect(() => checkFileSize('huge.json', MAX_FILE_BYTES + 1)).toThrow(/“huge.json” is 50 MB; Crosscheck imports files of at most 50 MB/);
    expect(() => checkFileSize('empty.json', 0)).toThrow(/is empty/);
    expect(() => checkFileSize('ok.json', 1024)).not.toThrow();
  });
});

describe('import', () => {
  it('a bad report anywhere leaves the database unchanged', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const inputs = [toNewReport(entry(1) as never), { ...toNewReport(entry(2) as never), url: 'javascript:alert(1)' }];
    await expect(importReports(db, inputs)).rejects.toThrow(/^Report 2: The URL must start with http/);
    await expect(importReports(db, [toNewReport(entry(1) as never), { text: null } as never])).rejects.toThrow(/^Report 2: The report text must be text/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('skips and counts duplicates (same text or same URL), in the file and against the corpus', async () => {
    const db = await seeded();
    const seedText = (await db.reports.toArray())[0]!.text;
    const inputs = [
      toNewReport(entry(1) as never),
      { ...toNewReport(entry(1) as never), url: null, text: entry(1).text.toUpperCase() }, // same text, other case
      { ...toNewReport(entry(2) as never), url: entry(1).url }, // same URL
      { text: seedText },
      toNewReport(entry(3) as never),
    ];
    const progress: [number, number][] = [];
    expect(await importReports(db, inputs, { onProgress: (d, t) => progress.push([d, t]) })).toEqual({ added: 2, skipped: 3 });
    expect(progress.at(-1)).toEqual([5, 5]);
    expect(await db.reports.where('origin').equals('user').count()).toBe(2);
  });

  it('export, wipe, import: the same corpus', async () => {
    const db = await seeded();
    await importReports(db, [1, 2, 3].map((i) => toNewReport(entry(i) as never)));
    const exported = JSON.stringify(toExportFile(await exportReports(db)));
    const fields = (rs: { title: string | null; source: string | null; author: string | null; date: string | null; url: string | null; text: string; origin: string }[]) =>
      rs.map((r) => JSON.stringify([r.origin, r.title, r.source, r.author, r.date, r.url, r.text])).sort();
    const before = fields(await db.reports.toArray());

    const fresh = await seeded();
    const parsed = parseExportFile(exported);
    expect(parsed.reports).toHaveLength(8);
    // seed reports are already bundled: skipped as duplicates, the user's come back as theirs
    expect(await importReports(fresh, parsed.reports.map(toNewReport))).toEqual({ added: 3, skipped: 5 });
    expect(fields(await fresh.reports.toArray())).toEqual(before);
    await whenIndexed(fresh);
    expect(await fresh.reportIndex.count()).toBe(8);
  });

  it('replace: the reports the user added are swapped for the file’s, seeds stay', async () => {
    const db = await seeded();
    await importReports(db, [toNewReport(entry(1) as never)]);
    expect(await importReports(db, [toNewReport(entry(2) as never)], { replace: true })).toEqual({ added: 1, skipped: 0 });
    const users = await db.reports.where('origin').equals('user').toArray();
    expect(users.map((r) => r.title)).toEqual(['Report 2']);
    expect(await db.reports.where('origin').equals('seed').count()).toBe(5);
  });
});
