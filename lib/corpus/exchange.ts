/** The corpus export file: a versioned JSON format, written on export and validated (valibot) on import. */
import * as v from 'valibot';
import type { Report } from '.';
import { firstProblem, NewReportSchema, type NewReportInput } from './schema';

export const EXPORT_FORMAT = 'crosscheck-corpus';
export const EXPORT_VERSION = 1;
/** Files larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_REPORTS = 50_000;

const megabytes = (n: number) => `${(n / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** One exported report: what a reader can write, plus its id and whether it came bundled or from the user. */
const ExportedReportSchema = v.object({
  ...NewReportSchema.entries,
  id: v.pipe(v.string('The id must be text'), v.regex(/^[\w-]{1,100}$/, 'The id must be letters, digits, - or _ (at most 100)')),
  origin: v.picklist(['seed', 'user', 'read', 'feed'], 'The origin must be “seed”, “user”, “read” or “feed”'),
});

const ExportFileSchema = v.object({
  format: v.literal(EXPORT_FORMAT, 'This is not a Crosscheck export file'),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.optional(v.string('exportedAt must be text')),
  reports: v.pipe(
    v.array(ExportedReportSchema, 'The file must list its reports'),
    v.maxLength(MAX_REPORTS, `The file holds more than ${MAX_REPORTS.toLocaleString('en')} reports`),
  ),
});

export type ExportedReport = v.InferOutput<typeof ExportedReportSchema>;
export type ExportFile = v.InferOutput<typeof ExportFileSchema>;

/** Refuse a file by its size alone, before reading it. */
export function checkFileSize(name: string, bytes: number): void {
  if (bytes > MAX_FILE_BYTES) throw new Error(`“${name}” is ${megabytes(bytes)}; Crosscheck imports files of at most ${megabytes(MAX_FILE_BYTES)}.`);
  if (bytes === 0) throw new Error(`“${name}” is empty.`);
}

/** The export file for these reports (seed and user alike). */
export function toExportFile(reports: readonly Report[], now = new Date()): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    reports: reports.map((r) => ({ id: r.id, origin: r.origin, title: r.title, source: r.source, author: r.author, date: r.date, url: r.url, text: r.text })),
  };
}

export function exportFileName(now = new Date()): string {
  return `crosscheck-corpus-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * Parse and validate an export file's text. Throws an Error naming the first problem (malformed
 * JSON, wrong format or version, too many reports, a bad field, a duplicate id); nothing is written.
 */
export function parseExportFile(text: string): ExportFile {
  if (text.length > MAX_FILE_BYTES) throw new Error(`The file is larger than ${megabytes(MAX_FILE_BYTES)}.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  const isExport = !!data && typeof data === 'object' && !Array.isArray(data) && (data as { format?: unknown }).format === EXPORT_FORMAT;
  if (!isExport) throw new Error(`This is not a Crosscheck export file (it does not say "format": "${EXPORT_FORMAT}").`);
  // Say "wrong version" before any field-level complaint: a newer file may have other fields.
  const version = (data as { version?: unknown }).version;
  if (version !== EXPORT_VERSION) {
    throw new Error(`This file uses export format version ${JSON.stringify(version ?? null)}; this Crosscheck reads version ${EXPORT_VERSION}.`);
  }
  const reports = (data as { reports?: unknown }).reports;
  if (Array.isArray(reports)) for (const rep of reports) if (rep && typeof rep === 'object' && typeof rep.text === 'string') rep.text = withoutInlineTags(rep.text);
  const r = v.safeParse(ExportFileSchema, data);
  if (!r.success) throw new Error(firstProblem(r.issues));
  const first = new Map<string, number>();
  r.output.reports.forEach((rep, i) => {
    const seen = first.get(rep.id);
    if (seen !== undefined) throw new Error(`report ${i + 1}: the id “${rep.id}” is used twice (also by report ${seen + 1})`);
    first.set(rep.id, i);
  });
  return r.output;
}

/** Markup that is never a scraped article's: a script, a style, a frame or an object, a handler or a javascript: address. */
const HOSTILE = /<\s*\/?\s*(?:script|style|iframe|frame|object|embed|svg|math|template|link|meta|base|form)\b|\son\w+\s*=|javascript:|<!--/i;
/** A link's or an emphasis's tag (what a scraper leaves in a body: `<a href="…">`, `<b>`, `<br>`). */
const INLINE_TAG = /<\s*\/?\s*(?:a|b|i|em|strong|span|u|small|sup|sub|br|p|div|li|ul|ol|blockquote|h[1-6]|img)\b[^<>]*>/gi;

/** A closed HTML comment: a scraper's leftover of the page's ad or tracking code, never the article's words. */
const COMMENT = /<!--[\s\S]*?-->/g;

/**
 * A report text as a scraper may have left it, with a link's or an emphasis's tags in it, or a
 * closed HTML comment (ad code): the tags and comments go and the words stay, so that one such
 * report does not refuse a whole corpus file (real article bodies hold them). Anything else that
 * looks like markup, an unclosed comment and any hostile markup stay for the schema to refuse,
 * naming the report.
 */
export function withoutInlineTags(text: string): string {
  const bare = text.replace(COMMENT, '\n');
  if (HOSTILE.test(bare)) return text;
  return bare.replace(INLINE_TAG, (tag) => (/^<\s*\/?\s*(?:br|p|div|li|h[1-6]|blockquote)\b/i.test(tag) ? '\n' : ''));
}

/** The fields a write path takes, from an exported report. */
export function toNewReport(r: ExportedReport): NewReportInput {
  return { text: r.text, title: r.title, source: r.source, author: r.author, date: r.date, url: r.url };
}
