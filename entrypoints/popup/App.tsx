import { i18n } from '#i18n';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DictionaryTerm, Report } from '../../lib/corpus';
import { displayTitle, leadOf, metaLine } from '../../lib/corpus/display';
import { CrosscheckDB, type NewReport } from '../../lib/db';
import type { PageMention } from '../../lib/messages';
import { send, sendToTab } from '../../lib/rpc';
import { isSiteEnabled, withSite } from '../../lib/settings';
import { disabledSites } from '../../lib/storage';
import { CorpusSearch } from './search';

/** Reads come straight from IndexedDB; writes go through the background, which owns seeding and indexing. */
const db = new CrosscheckDB();

interface PageState {
  tabId: number | null;
  site: string | null;
  mentions: PageMention[] | null;
}

/** The tab the popup is about: the active one, or ?tab=ID (tests, the full-page view). No `tabs` permission needed. */
async function targetTabId(): Promise<number | null> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function App() {
  const [reports, setReports] = useState<Report[]>([]);
  const [terms, setTerms] = useState<DictionaryTerm[]>([]);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<PageState>({ tabId: null, site: null, mentions: null });
  const [enabled, setEnabled] = useState(true);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    await send('dictionary'); // waits for seeding
    setReports(await db.reports.toArray());
    setTerms(await db.terms.orderBy('label').toArray());
  };

  /** The page's site and mentions come from its content script; none answers on browser pages. */
  const refreshPage = async (tabId: number | null) => {
    let state: PageState = { tabId, site: null, mentions: null };
    if (tabId !== null) {
      try {
        const r = await sendToTab(tabId, 'page-mentions');
        state = { tabId, site: r.site, mentions: r.mentions };
      } catch {
        // no content script on this tab (e.g. a browser page)
      }
    }
    setPage(state);
    return state;
  };

  useEffect(() => {
    void (async () => {
      const state = await refreshPage(await targetTabId());
      setEnabled(isSiteEnabled(await disabledSites.getValue(), state.site));
      await load();
    })().catch((e) => setError(String(e)));
  }, []);

  const search = useMemo(() => new CorpusSearch(reports, terms), [reports, terms]);
  const hits = useMemo(() => search.search(query), [search, query]);
  const byId = useMemo(() => new Map(reports.map((r) => [r.id, r])), [reports]);
  const termById = useMemo(() => new Map(terms.map((t) => [t.id, t])), [terms]);
  const shownReports = query.trim().length >= 2 ? hits.reports.map((h) => byId.get(h.id)!).filter(Boolean) : reports;

  const toggle = async () => {
    if (!page.site) return;
    const next = !enabled;
    await disabledSites.setValue(withSite(await disabledSites.getValue(), page.site, next));
    setEnabled(next);
    setTimeout(() => void refreshPage(page.tabId), 300);
  };

  const onAdd = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    try {
      const report: NewReport = {
        title: String(data.get('title') ?? ''),
        source: String(data.get('source') ?? ''),
        date: String(data.get('date') ?? ''),
        text: String(data.get('text') ?? ''),
      };
      await send('add-report', { report });
      form.reset();
      setError(null);
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <main>
      <header>
        <h1>{i18n.t('extName')}</h1>
        <label class="switch" title={page.site ? i18n.t('popup.siteSwitchTitle', [page.site]) : i18n.t('popup.notAvailable')}>
          <input type="checkbox" role="switch" id="site-switch" checked={enabled && !!page.site} disabled={!page.site} onChange={() => void toggle()} />
          <span>{page.site ? i18n.t('popup.siteOn', [page.site]) : i18n.t('popup.notAWebPage')}</span>
        </label>
        <button id="open-settings" class="settings" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('popup.settings')}
        </button>
      </header>
      {error && <p class="error" role="alert">{error}</p>}

      <section id="page-mentions">
        <h2>On this page</h2>
        {!page.site || page.mentions === null ? (
          <p class="muted">Open a news page to see its mentions.</p>
        ) : !enabled ? (
          <p class="muted">Switched off for this site.</p>
        ) : page.mentions.length === 0 ? (
          <p class="muted">Nothing from your corpus is mentioned here.</p>
        ) : (
          <>
          {page.mentions.some((m) => m.conflicts > 0) && (
            <ul id="page-conflicts">
              {page.mentions.filter((m) => m.conflicts > 0).map((m) => (
                <li class="conflict" data-term={m.termId} key={m.termId}>
                  <button onClick={() => void sendToTab(page.tabId!, 'reveal-mark', { termId: m.termId }).then(() => window.close(), (e: Error) => setError(e.message))}>
                    {m.label}: {m.conflicts === 1 ? 'a report conflicts' : `reports conflict in ${m.conflicts} places`} (show)
                  </button>
                </li>
              ))}
            </ul>
          )}
          <ul class="chips">
            {page.mentions.map((m) => (
              <li class="mention" data-term={m.termId} key={m.termId}>
                <button onClick={() => setQuery(m.label)}>
                  {m.label} <span class="n">{m.count}</span>
                </button>
              </li>
            ))}
          </ul>
          </>
        )}
      </section>

      <section>
        <input id="search" type="search" placeholder="Search reports, people, places, topics…" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        {query.trim().length >= 2 && hits.terms.length > 0 && (
          <ul class="chips" id="term-results">
            {hits.terms.map((h) => {
              const t = termById.get(h.id)!;
              return (
                <li class="term" key={h.id} title={t.aliases.join(', ')}>
                  {t.label} <span class="kind">{t.kind}</span> <span class="n">{t.reportIds.length} reports</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section>
        <h2>
          {query.trim().length >= 2 ? `Reports matching “${query.trim()}”` : 'Corpus'} ({shownReports.length})
        </h2>
        <ul id="reports">
          {shownReports.map((r) => (
            <li class="report" data-report-id={r.id} key={r.id}>
              <button class="report-title" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>
                {displayTitle(r.title, leadOf(r))}
              </button>
              <div class="meta">{metaLine(r)}</div>
              {open === r.id && (
                <div class="report-body">
                  {r.text.split('\n\n').map((p, i) => (
                    <p key={i}>{p}</p>
                  ))}
                  {r.origin === 'user' && (
                    <button class="danger" onClick={() => void send('delete-report', { id: r.id }).then(load, (e: unknown) => setError(String(e)))}>
                      Delete this report
                    </button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>

      <details>
        <summary>Add a report</summary>
        <form onSubmit={(e) => void onAdd(e)}>
          <input name="title" placeholder="Title (optional)" />
          <input name="source" placeholder="Source (optional)" />
          <input name="date" type="date" />
          <textarea name="text" required rows={5} placeholder="Paste the report's text" />
          <button type="submit">Add to corpus</button>
        </form>
      </details>
    </main>
  );
}
