/**
 * Turns a plain-text news report into a structured report, keeping only the metadata the text
 * itself states (title, byline, source, dateline). What the text does not state stays null.
 */
import { normalizeQuotes, splitSentences } from '../text';

export interface ParsedReport {
  /** The headline, if the text opens with one; null otherwise. */
  title: string | null;
  author: string | null;
  source: string | null;
  /** Place line such as "KYIV, Ukraine" or "Kyiv". */
  dateline: string | null;
  /** Publication date, only if the text states one (ISO yyyy-mm-dd). */
  date: string | null;
  /** Body paragraphs, without headline, byline, headings or page furniture. */
  paragraphs: string[];
  /** Sub-headings found in the body. */
  headings: string[];
  sentences: string[];
}

const FURNITURE = /^(?:-\s*)?(advertisement|leave a reply|share this( article)?|read more|related( articles)?|subscribe.*|sign up.*)(?:\s*-)?$/i;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** A section number before a heading ("3.7.2 SpiderMonkey", "2. Background"). */
const SECTION_NUMBER = /^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\p{Lu})/u;

function isHeading(line: string): boolean {
  line = line.replace(SECTION_NUMBER, '');
  return line.length <= 90 && !/[.!?:;,"”]$/.test(line) && /^[A-Z“"]/.test(line) && line.split(/\s+/).length <= 12 && !line.startsWith('- ');
}

export function parseReport(raw: string): ParsedReport {
  const lines = normalizeQuotes(raw)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !FURNITURE.test(l));

  let title: string | null = null;
  if (lines.length > 1 && lines[0]!.length <= 200 && !/[.!]$/.test(lines[0]!) && lines[1]!.length > lines[0]!.length) {
    title = lines.shift()!;
  }

  let author: string | null = null;
  let source: string | null = null;
  const byIdx = lines.findIndex((l) => /^By [A-Z][\p{L}.'-]+(?: [A-Z][\p{L}.'-]+){0,3}$/u.test(l));
  if (byIdx >= 0) {
    author = lines[byIdx]!.replace(/^By /, '');
    const next = lines[byIdx + 1];
    if (next && next.length <= 80 && byIdx + 2 >= lines.length) {
      source = next.replace(/[.\s]+$/, '');
      lines.splice(byIdx + 1, 1);
    }
    lines.splice(byIdx, 1);
  }

  let dateline: string | null = null;
  const first = lines[0] ?? '';
  const dl = first.match(/^([A-Z][A-Z .'-]{2,}(?:, [A-Z][\p{L} .'-]+)?)\s+[—–-]{1,2}\s+/u) ?? first.match(/^([A-Z][\p{L} .'-]{2,30}):\s+/u);
  if (dl) dateline = dl[1]!.trim();

  let date: string | null = null;
  const dm = raw.match(new RegExp(`\\b(?:Published|Updated|Posted)(?: on)?:?\\s+(${MONTHS}) (\\d{1,2}), (\\d{4})`));
  if (dm) {
    const month = MONTHS.split('|').indexOf(dm[1]!) + 1;
    date = `${dm[3]}-${String(month).padStart(2, '0')}-${dm[2]!.padStart(2, '0')}`;
  }

  const headings: string[] = [];
  const paragraphs: string[] = [];
  for (const l of lines) {
    if (isHeading(l)) headings.push(l);
    else paragraphs.push(l);
  }
  const sentences = paragraphs.flatMap((p) => splitSentences(p)).filter((s) => /[a-z]/.test(s) && s.split(/\s+/).length >= 3);
  return { title, author, source, dateline, date, paragraphs, headings, sentences };
}
