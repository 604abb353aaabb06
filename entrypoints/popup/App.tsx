/** The popup (also opened as a page by the context menu): this page's mentions and conflicts, add this article, the corpus to browse and manage. */
import { i18n } from '#i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DictionaryTerm, Report } from '../../lib/corpus';
import type { NewReportInput } from '../../lib/corpus/schema';
import { CrosscheckDB, getMeta } from '../../lib/db';
import type { PageClaim, PageMention } from '../../lib/messages';
import { send, sendToTab } from '../../lib/rpc';
import { query as askCorpus } from '../../lib/query-client';
import type { TermKind } from '../../lib/corpus/terms';
import { isSiteEnabled, TERM_KINDS as KINDS, withSite } from '../../lib/settings';
import { disabledSites, indexVersion } from '../../lib/storage';
import { AddArticle } from './AddArticle';
import { ImportExport } from './ImportExport';
import type { NoticeKind, Notify } from './notice';
import { PageMentions } from './PageMentions';
import { Reading } from './Reading';
import { EMPTY_FIELDS, ReportForm } from './ReportForm';
import { LIST_PAGE, ReportList } from './ReportList';
import { CorpusSearch } from './search';

const NO_HITS: ReturnType<CorpusSearch['search']> = { reports: [], terms: [] };
/** `make()` at the first call, then the same value. */
const once = <T,>(make: () => T): (() => T) => {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
};

export const APP_STRINGS = {
  get search() {
    return i18n.t('app.search');
  },
  reports: (n: number) => i18n.t('app.reports', [String(n)]),
  /** a term's kind, singular ("person"); unknown kinds as they are */
  kind: (k: string) => (KINDS.includes(k as TermKind) ? i18n.t(`kind.${k as TermKind}`) : k),
  matching: (q: string) => i18n.t('app.matching', [q]),
  get corpus() {
    return i18n.t('app.corpus');
  },
  get all() {
    return i18n.t('app.all');
  },
  get termsFound() {
    return i18n.t('app.termsFound');
  },
  get addReport() {
    return i18n.t('app.addReport');
  },
  get addToCorpus() {
    return i18n.t('app.addToCorpus');
  },
  added: (title: string | null) => i18n.t('app.added', [title ?? i18n.t('app.untitled')]),
};

/** Reads come straight from IndexedDB; writes go through the background, which owns seeding and indexing. */
const db = new CrosscheckDB();
/** How often, and how many times, the popup asks the tab again for its judged sentences. */
const POLL_MS = 1500;
const POLLS = 20;
const params = new URLSearchParams(location.search);

interface PageState {
  tabId: number | null;
  site: string | null;
  mentions: PageMention[] | null;
  claims: PageClaim[];
}

/** The tab the popup is about: the active one, or ?tab=ID (tests, the context menu's page). No `tabs` permission needed. */
async function targetTabId(): Promise<number | null> {
  const fromQuery = params.get('tab');
  if (fromQuery) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function App() {
  const [reports, setReports] = useState<Report[]>([]);
  const [terms, setTerms] = useState<DictionaryTerm[]>([]);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<PageState>({ tabId: null, site: null, mentions: null, claims: [] });
  const [enabled, setEnabled] = useState(true);
  const [notice, setNotice] = useState<{ kind: NoticeKind; text: string } | null>(null);
  const notify: Notify = (kind, text) => setNotice({ kind, text });
  const tabRef = useRef<number | null>(null);
  /** the corpus's size while only its newest page is loaded */
  const [total, setTotal] = useState<number | null>(null);
  const loadedOnce = useRef(false);

  const load = async () => {
    if (!(await getMeta(db, 'indexVersion'))) await askCorpus('dictionary'); // waits for seeding
    // a large corpus shows its first page at once (the newest dated reports, then undated ones as the
    // list orders them); the whole list, for filters and search, follows
    const [count, dated, first] = await db.transaction('r', db.reports, () =>
      Promise.all([db.reports.count(), db.reports.orderBy('date').reverse().limit(LIST_PAGE).toArray(), db.reports.limit(LIST_PAGE).toArray()]),
    );
    if (count > LIST_PAGE && !loadedOnce.current) {
      setReports([...new Map([...dated, ...first].map((r) => [r.id, r])).values()]);
      setTotal(count);
    }
    // (a corpus of one page is already read whole)
    const [r, t] = await db.transaction('r', db.reports, db.terms, () =>
      Promise.all([count > LIST_PAGE ? db.reports.toArray() : first, db.terms.orderBy('label').toArray()]),
    );
    loadedOnce.current = true;
    setReports(r);
    setTerms(t);
    setTotal(null);
  };

  /** The page's site and mentions come from its content script; none answers on browser pages. */
  const refreshPage = async (tabId: number | null) => {
    tabRef.current = tabId;
    let state: PageState = { tabId, site: null, mentions: null, claims: [] };
    if (tabId !== null) {
      try {
        const r = await sendToTab(tabId, 'page-mentions');
        state = { tabId, site: r.site, mentions: r.mentions, claims: r.claims ?? [] };
      } catch {
        // no content script on this tab (e.g. a browser page)
      }
    }
    tabRef.current = tabId;
    setPage(state);
    return state;
  };

  useEffect(() => {
    const fail = (e: unknown) => notify('error', e instanceof Error ? e.message : String(e));
    void (async () => {
      const state = await refreshPage(await targetTabId());
      setEnabled(isSiteEnabled(await disabledSites.getValue(), state.site));
    })().catch(fail);
    void load().catch(fail);
    // the page's sentences are judged in the tab's idle time: follow them for a while
    let polls = 0;
    const poll = setInterval(() => {
      if (++polls > POLLS) clearInterval(poll);
      else if (tabRef.current !== null) void refreshPage(tabRef.current);
    }, POLL_MS);
    // any write (here, in another popup, by an import) bumps the index version: lists follow live
    const unwatch = indexVersion.watch(() => {
      void load().catch(fail);
      setTimeout(() => void refreshPage(tabRef.current), 500); // the tab re-marks with the new terms
    });
    return () => {
      clearInterval(poll);
      unwatch();
    };
  }, []);

  const searching = query.trim().length >= 2;
  const search = useMemo(() => once(() => new CorpusSearch(reports, terms)), [reports, terms]);
  const hits = useMemo(() => (searching ? search().search(query) : NO_HITS), [search, query, searching]);
  const byId = useMemo(() => new Map(reports.map((r) => [r.id, r])), [reports]);
  const termById = useMemo(() => new Map(terms.map((t) => [t.id, t])), [terms]);
  const readCount = useMemo(() => reports.filter((r) => r.origin === 'read').length, [reports]);
  const shownReports = searching ? hits.reports.map((h) => byId.get(h.id)!).filter(Boolean) : reports;

  const toggle = async () => {
    if (!page.site) return;
    const next = !enabled;
    await disabledSites.setValue(withSite(await disabledSites.getValue(), page.site, next));
    setEnabled(next);
    setTimeout(() => void refreshPage(page.tabId), 300);
  };

  const addPasted = async (input: NewReportInput) => {
    try {
      const { report } = await send('add-report', { report: input });
      notify('ok', APP_STRINGS.added(report.title));
      await load();
    } catch (e) {
      notify('error', e instanceof Error ? e.message : String(e));
      throw e;
    }
  };

  return (
    <main>
      <header class="top">
        <h1 class="brand">
          <img src="/icons/32.png" alt="" />
          {i18n.t('extName')}
        </h1>
        <label class="switch" title={page.site ? i18n.t('popup.siteSwitchTitle', [page.site]) : i18n.t('popup.notAvailable')}>
          <span>{page.site ? i18n.t('popup.siteOn', [page.site]) : i18n.t('popup.notAWebPage')}</span>
          <input type="checkbox" role="switch" class="switch-input" id="site-switch" checked={enabled && !!page.site} disabled={!page.site} onChange={() => void toggle()} />
        </label>
      </header>
      {notice && (
        <p id="notice" class={notice.kind === 'error' ? 'error' : 'ok'} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}

      <section class="pane pane-page" id="page-mentions" aria-labelledby="h-page">
        <PageMentions
          site={page.site}
          mentions={page.mentions}
          claims={page.claims}
          enabled={enabled}
          onPick={setQuery}
          onReveal={(termId, claim) => void sendToTab(page.tabId!, 'reveal-mark', { termId, claim }).then(() => window.close(), (e: Error) => notify('error', e.message))}
        />
        <AddArticle tabId={page.tabId} available={page.site !== null} autoStart={params.get('add') === 'article'} notify={notify} />
      </section>

      <section class="pane pane-corpus" id="corpus-pane" aria-labelledby="h-corpus">
        <div class="section-head">
          <h2 id="h-corpus">{APP_STRINGS.corpus}</h2>
          <span class="muted">{APP_STRINGS.reports(total ?? reports.length)}</span>
        </div>
        <ReportList
          reports={shownReports}
          ranked={searching}
          total={searching ? null : total}
          busy={total !== null}
          heading={searching ? APP_STRINGS.matching(query.trim()) : APP_STRINGS.all}
          notify={notify}
          search={
            <>
              <input id="search" type="search" aria-label={APP_STRINGS.search} placeholder={APP_STRINGS.search} value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
            </>
          }
          termResults={
            searching && hits.terms.length > 0 ? (
              <ul class="chips" id="term-results" aria-label={APP_STRINGS.termsFound}>
                {hits.terms.map((h) => {
                  const t = termById.get(h.id)!;
                  return (
                    <li class="term" key={h.id} title={t.aliases.join(', ')}>
                      {t.label} <span class="kind">{APP_STRINGS.kind(t.kind)}</span> <span class="n">{APP_STRINGS.reports(t.reportCount)}</span>
                    </li>
                  );
                })}
              </ul>
            ) : null
          }
        />
        <div class="corpus-tools">
          <details id="add-report">
            <summary>{APP_STRINGS.addReport}</summary>
            <ReportForm initial={EMPTY_FIELDS} submitLabel={APP_STRINGS.addToCorpus} onSubmit={addPasted} resetOnSave />
          </details>
          <ImportExport notify={notify} />
          <Reading site={page.site} count={readCount} notify={notify} />
        </div>
      </section>
      <footer class="foot">
        <span class="muted">{i18n.t('popup.private')}</span>
        <button id="open-settings" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('popup.settings')}
        </button>
      </footer>
    </main>
  );
}
