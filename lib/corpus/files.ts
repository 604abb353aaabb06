/**
 * Files the user picked to import, as reports: a Crosscheck export (.json, all or nothing), an
 * RSS/Atom feed, .html pages and .txt files (each item validated; bad items skipped and named).
 */
import { articleFromHtml } from './article';
import { parseExportFile, toNewReport } from './exchange';
import { parseFeed } from './feeds';
import { parseNewReport, type NewReportInput } from './schema';

export type FileKind = 'export' | 'feed' | 'html' | 'text';

export interface PickedReports {
  reports: NewReportInput[];
  /** "name › item 3: problem" for each item that was left out */
  problems: string[];
}

/** What a file holds, by its extension, else by its first characters. */
export function fileKind(name: string, text: string): FileKind {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (ext === 'json') return 'export';
  if (['xml', 'rss', 'atom', 'rdf'].includes(ext)) return 'feed';
  if (['html', 'htm', 'xhtml'].includes(ext)) return 'html';
  if (['txt', 'text', 'md'].includes(ext)) return 'text';
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 300).toLowerCase();
  if (head.startsWith('{')) return 'export';
  if (/^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf)\b/.test(head) || /^<(rss|feed|rdf:rdf)\b/.test(head)) return 'feed';
  if (head.startsWith('<')) return 'html';
  return 'text';
}

/**
 * The reports in one picked file. An export file is refused whole when anything in it is wrong
 * (throws, naming the first problem); from feeds and pages, items that fail validation are skipped.
 */
export function reportsFromFile(name: string, text: string): PickedReports {
  const body = text.replace(/^\uFEFF/, '');
  const kind = fileKind(name, body);
  const problems: string[] = [];
  const keep = (input: unknown, where: string): NewReportInput[] => {
    try {
      return [parseNewReport(input)];
    } catch (e) {
      problems.push(`${where}: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    }
  };
  switch (kind) {
    case 'export':
      try {
        return { reports: parseExportFile(body).reports.map(toNewReport), problems };
      } catch (e) {
        throw new Error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    case 'feed': {
      let feed;
      try {
        feed = parseFeed(body);
      } catch (e) {
        throw new Error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
      return { reports: feed.reports.flatMap((r, i) => keep(r, `${name} › item ${i + 1}`)), problems };
    }
    case 'html': {
      const draft = articleFromHtml(body);
      if (!draft) return { reports: [], problems: [`${name}: no article text found in this page`] };
      return { reports: keep(draft, name), problems };
    }
    case 'text':
      return { reports: keep({ text: body.replace(/\r\n?/g, '\n') }, name), problems };
  }
}
