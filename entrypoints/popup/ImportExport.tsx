/** Export the corpus as one JSON file; import an export, a feed, or .txt/.html files (or a folder of them), with progress. */
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { checkFileSize, exportFileName, toExportFile } from '../../lib/corpus/exchange';
import { reportsFromFile } from '../../lib/corpus/files';
import type { NewReportInput } from '../../lib/corpus/schema';
import { send } from '../../lib/rpc';
import { importProgress, type ImportProgress } from '../../lib/storage';
import type { Notify } from './notice';

const num = (n: number) => n.toLocaleString('en');

export const EXCHANGE_STRINGS = {
  get summary() {
    return i18n.t('exchange.summary');
  },
  get export() {
    return i18n.t('exchange.export');
  },
  exported: (n: number) => i18n.t('exchange.exported', [num(n)]),
  get importFiles() {
    return i18n.t('exchange.importFiles');
  },
  get importFolder() {
    return i18n.t('exchange.importFolder');
  },
  get replace() {
    return i18n.t('exchange.replace');
  },
  reading: (done: number, total: number) => i18n.t('exchange.reading', [String(done), String(total)]),
  saving: (done: number, total: number) => i18n.t('exchange.saving', [num(done), num(total)]),
  indexing: (done: number, total: number) => i18n.t('exchange.indexing', [num(done), num(total)]),
  get indexingLater() {
    return i18n.t('exchange.indexingLater');
  },
  get nothing() {
    return i18n.t('exchange.nothing');
  },
  get unsupported() {
    return i18n.t('exchange.unsupported');
  },
  imported: (added: number, skipped: number) =>
    i18n.t('exchange.imported', added, [num(added)]) + (skipped ? i18n.t('exchange.skipped', [num(skipped)]) : '.'),
  leftOut: (n: number, first: string) => i18n.t('exchange.leftOut', n, [String(n), first]),
};

const IMPORTABLE = /\.(json|xml|rss|atom|rdf|txt|text|md|html?|xhtml)$/i;

interface Props {
  notify: Notify;
}

/** Save a file the reader downloads, without any permission: a blob link clicked once. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Bar {
  label: string;
  done: number;
  total: number;
}

/** The background's progress (saving an import, then indexing its terms) as a bar. */
function barOf(p: ImportProgress): Bar | null {
  if (!p) return null;
  const label = p.phase === 'indexing' ? EXCHANGE_STRINGS.indexing(p.done, p.total) : EXCHANGE_STRINGS.saving(p.done, p.total);
  return { label, done: p.done, total: p.total };
}

export function ImportExport({ notify }: Props) {
  /** this popup is reading files or waiting for its import to be saved */
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState<Bar | null>(null);
  /** what the background reports, also for an import started from an earlier popup */
  const [background, setBackground] = useState<Bar | null>(null);
  const [replace, setReplace] = useState(false);
  const progress = reading ?? background;

  useEffect(() => {
    const show = (p: ImportProgress) => setBackground(barOf(p));
    void importProgress.getValue().then(show);
    return importProgress.watch(show);
  }, []);

  const exportCorpus = async () => {
    try {
      const { reports } = await send('export-reports');
      download(exportFileName(), JSON.stringify(toExportFile(reports), null, 1));
      notify('ok', EXCHANGE_STRINGS.exported(reports.length));
    } catch (e) {
      notify('error', e instanceof Error ? e.message : String(e));
    }
  };

  const importFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    const reports: NewReportInput[] = [];
    const problems: string[] = [];
    setBusy(true);
    try {
      // sizes first: nothing is read when one file is too large
      for (const f of files) checkFileSize(f.name, f.size);
      for (const [i, f] of files.entries()) {
        setReading({ label: EXCHANGE_STRINGS.reading(i + 1, files.length), done: i, total: files.length });
        if (!IMPORTABLE.test(f.name) && files.length > 1) {
          problems.push(`${f.name}: ${EXCHANGE_STRINGS.unsupported}`);
          continue;
        }
        const got = reportsFromFile(f.name, await f.text());
        reports.push(...got.reports);
        problems.push(...got.problems);
      }
      if (reports.length === 0) throw new Error(problems[0] ?? EXCHANGE_STRINGS.nothing);
      setReading(null); // the background's bar takes over
      const { added, skipped } = await send('import-reports', { reports, replace });
      notify(
        'ok',
        EXCHANGE_STRINGS.imported(added, skipped) + (problems.length ? EXCHANGE_STRINGS.leftOut(problems.length, problems[0]!) : '') + (added ? EXCHANGE_STRINGS.indexingLater : ''),
      );
    } catch (e) {
      notify('error', e instanceof Error ? e.message : String(e));
    } finally {
      setReading(null);
      setBusy(false);
    }
  };

  return (
    <details id="import-export">
      <summary>{EXCHANGE_STRINGS.summary}</summary>
      <div class="exchange">
        <button id="export" onClick={() => void exportCorpus()}>
          {EXCHANGE_STRINGS.export}
        </button>
        <label class="file">
          {EXCHANGE_STRINGS.importFiles}
          <input id="import-files" type="file" multiple accept=".json,.xml,.rss,.atom,.rdf,.txt,.md,.html,.htm,application/json,text/plain,text/html,application/xml" disabled={busy} onChange={(e) => void importFiles(e.currentTarget)} />
        </label>
        <label class="file">
          {EXCHANGE_STRINGS.importFolder}
          <input id="import-folder" type="file" {...{ webkitdirectory: '' }} disabled={busy} onChange={(e) => void importFiles(e.currentTarget)} />
        </label>
        <label class="check">
          <input id="import-replace" type="checkbox" checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} /> {EXCHANGE_STRINGS.replace}
        </label>
        {progress && (
          <div id="import-progress" role="status">
            <progress max={progress.total} value={progress.done} /> {progress.label}
          </div>
        )}
      </div>
    </details>
  );
}
