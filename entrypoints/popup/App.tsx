/** The popup (also opened as a page by the context menu): this page's mentions and conflicts, add this article, the corpus to browse and manage. */
import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NewReportInput } from '../../lib/corpus/schema';
import { CrosscheckDB, getMeta } from '../../lib/db';
import { DEFAULT_FILTER, isDefaultFilter, type ListFilter } from '../../lib/corpus/listing';
import type { ListReply, PageClaim, PageMention, SearchReply } from '../../lib/messages';
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
import { newestPage } from './newest';
import { newestOnly } from './newest-only';
import { warmWrites } from './warm-writes';
import { LIST_PAGE, ReportList } from './ReportList';

const NO_HITS: SearchReply & { query: string } = { query: '', reports: [], terms: [] };

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
/** the corpus search as the reader types: one request under way, then the newest typed meanwhile */
const searchCorpus = newestOnly((q: string) => askCorpus('search', { query: q }));

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
  const [query, setQuery] = useState('');
  /** the answer to the latest search sent, with its query */
  const [hits, setHits] = useState(NO_HITS);
  /** bumped at each write, so the list and a search shown are asked again */
  const [writes, setWrites] = useState(0);
  const [filter, setFilter] = useState<ListFilter>(DEFAULT_FILTER);
  /** how many of the listed reports are drawn */
  const [limit, setLimit] = useState(LIST_PAGE);
  /** the latest page of the list, with the request it answers */
  const [listing, setListing] = useState<(ListReply & { asked: string }) | null>(null);
  const [page, setPage] = useState<PageState>({ tabId: null, site: null, mentions: null, claims: [] });
  const [enabled, setEnabled] = useState(true);
  const [notice, setNotice] = useState<{ kind: NoticeKind; text: string } | null>(null);
  const notify: Notify = (kind, text) => setNotice({ kind, text });
  const tabRef = useRef<number | null>(null);
  /** The list as it opens is read here; filtered or re-sorted, where the corpus is warm. The popup reads only what it draws. */
  const listAsked = JSON.stringify([filter, limit, writes]);
  useEffect(() => {
    let current = true;
    void (async () => {
      if (!(await getMeta(db, 'indexVersion'))) await askCorpus('dictionary'); // waits for seeding
      const reply = isDefaultFilter(filter) ? await newestPage(db, limit) : await askCorpus('list', { filter, limit });
      if (current) setListing({ ...reply, asked: listAsked });
      // the read side reads its catalogue now, so that filters answer at once when opened (no report is sent)
      if (isDefaultFilter(filter)) void askCorpus('list', { filter: { ...filter, sort: 'oldest' }, limit: 0 }).catch(() => undefined);
    })().catch((e: unknown) => current && notify('error', e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [listAsked]);
  const filterList = (f: ListFilter) => {
    setFilter(f);
    setLimit(LIST_PAGE);
  };

  /** The page's site and mentions come from its content script; none answers on browser pages. */
  /** the tab's last answer: a content script that answered once and fails now is busy, not gone */
  const answered = useRef<PageState | null>(null);
  const refreshPage = async (tabId: number | null) => {
    tabRef.current = tabId;
    let state: PageState = { tabId, site: null, mentions: null, claims: [] };
    if (tabId !== null) {
      try {
        const r = await sendToTab(tabId, 'page-mentions');
        state = { tabId, site: r.site, mentions: r.mentions, claims: r.claims ?? [] };
        answered.current = state;
      } catch {
        // no content script on this tab (e.g. a browser page); or one that answered before and is
        // busy marking the page again after a write: keep what it said, so "Add this article" and the
        // mentions do not flicker off under the reader's pointer
        if (answered.current?.tabId === tabId) state = answered.current;
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
    // the page's sentences are judged in the tab's idle time: follow them for a while
    let polls = 0;
    const poll = setInterval(() => {
      if (++polls > POLLS) clearInterval(poll);
      else if (tabRef.current !== null) void refreshPage(tabRef.current);
    }, POLL_MS);
    // any write (here, in another popup, by an import) bumps the index version: lists follow live
    const unwatch = indexVersion.watch(() => {
      setWrites((n) => n + 1);
      setTimeout(() => void refreshPage(tabRef.current), 500); // the tab re-marks with the new terms
    });
    return () => {
      clearInterval(poll);
      unwatch();
    };
  }, []);

  const searching = query.trim().length >= 2;
  // the search is answered where the corpus is kept warm, which reads only the reports it finds
  useEffect(() => {
    if (!searching) return;
    let current = true;
    const asked = query;
    searchCorpus(asked).then(
      (reply) => current && reply && setHits({ ...reply, query: asked }),
      (e: unknown) => current && notify('error', e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [query, searching, writes]);

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
      setWrites((n) => n + 1);
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
          {listing && <span class="muted">{APP_STRINGS.reports(listing.total)}</span>}
        </div>
        <ReportList
          reports={searching ? hits.reports : (listing?.reports ?? [])}
          ranked={searching}
          matched={listing?.matched ?? 0}
          sources={listing?.sources ?? []}
          filter={filter}
          onFilter={filterList}
          onMore={() => setLimit(limit + LIST_PAGE)}
          busy={searching ? hits.query !== query : listing?.asked !== listAsked}
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
                {hits.terms.map((t) => {
                  return (
                    <li class="term" key={t.id} title={t.aliases.join(', ')}>
                      {t.label} <span class="kind">{APP_STRINGS.kind(t.kind)}</span> <span class="n">{APP_STRINGS.reports(t.reportCount)}</span>
                    </li>
                  );
                })}
              </ul>
            ) : null
          }
        />
        <div class="corpus-tools">
          <details id="add-report" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && warmWrites()}>
            <summary>{APP_STRINGS.addReport}</summary>
            <ReportForm initial={EMPTY_FIELDS} submitLabel={APP_STRINGS.addToCorpus} onSubmit={addPasted} resetOnSave />
          </details>
          <ImportExport notify={notify} />
          <Reading site={page.site} count={listing?.read ?? 0} notify={notify} />
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
