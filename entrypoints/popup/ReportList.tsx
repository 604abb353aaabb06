/** The corpus list: sort and filter by date and source, read a report, follow its source link, edit or delete the reader's own. */
import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { Report } from '../../lib/corpus';
import { displayTitle, leadOf, metaLine } from '../../lib/corpus/display';
import type { NewReportInput } from '../../lib/corpus/schema';
import { send } from '../../lib/rpc';
import { DEFAULT_FILTER, listReports, type ListFilter, type SortOrder } from '../../lib/corpus/listing';
import type { Notify } from './notice';
import { fieldsOf, ReportForm } from './ReportForm';
import { warmWrites } from './warm-writes';

const SORT_ORDERS: SortOrder[] = ['newest', 'oldest', 'source', 'title'];
const ORDER_KEYS = { newest: 'list.newest', oldest: 'list.oldest', source: 'list.bySource', title: 'list.byTitle' } as const satisfies Record<SortOrder, string>;

export const LIST_STRINGS = {
  get filters() {
    return i18n.t('list.filters');
  },
  get clearFilters() {
    return i18n.t('list.clearFilters');
  },
  get sort() {
    return i18n.t('list.sort');
  },
  order: (o: SortOrder) => i18n.t(ORDER_KEYS[o]),
  get relevance() {
    return i18n.t('list.relevance');
  },
  get source() {
    return i18n.t('list.source');
  },
  get anySource() {
    return i18n.t('list.anySource');
  },
  get origin() {
    return i18n.t('list.origin');
  },
  get anyOrigin() {
    return i18n.t('list.anyOrigin');
  },
  get mine() {
    return i18n.t('list.mine');
  },
  get bundled() {
    return i18n.t('list.bundled');
  },
  get read() {
    return i18n.t('list.read');
  },
  get feed() {
    return i18n.t('list.feed');
  },
  get forget() {
    return i18n.t('list.forget');
  },
  get confirmForget() {
    return i18n.t('list.confirmForget');
  },
  get forgotten() {
    return i18n.t('list.forgotten');
  },
  get from() {
    return i18n.t('list.from');
  },
  get to() {
    return i18n.t('list.to');
  },
  get openSource() {
    return i18n.t('list.openSource');
  },
  get edit() {
    return i18n.t('list.edit');
  },
  get save() {
    return i18n.t('list.save');
  },
  get delete() {
    return i18n.t('list.delete');
  },
  get confirmDelete() {
    return i18n.t('list.confirmDelete');
  },
  get keep() {
    return i18n.t('list.keep');
  },
  get edited() {
    return i18n.t('list.edited');
  },
  get deleted() {
    return i18n.t('list.deleted');
  },
  get none() {
    return i18n.t('list.none');
  },
  more: (n: number, left: number) => i18n.t('list.more', [String(n), String(left)]),
};

interface Props {
  /** the list's first reports as the filter keeps them, or the search's results */
  reports: readonly Report[];
  /** search results come ranked by relevance: keep that order (the filter is applied here) */
  ranked: boolean;
  /** how many reports the filter keeps (the list; a search counts what it shows) */
  matched: number;
  /** every source in the corpus, for the filter menu */
  sources: readonly string[];
  filter: ListFilter;
  onFilter: (f: ListFilter) => void;
  /** draw a page more of the list */
  onMore: () => void;
  heading: string;
  notify: Notify;
  /** the search box, shown beside the filters button */
  search: ComponentChildren;
  /** terms found by the search, under the search row */
  termResults: ComponentChildren;
  /** the list is not yet what it will show: the whole corpus is still being read, or a search is on its way */
  busy?: boolean;
}

/** Reports drawn at a time: a corpus of thousands lists its first page at once, the rest on request. */
export const LIST_PAGE = 100;

export function ReportList({ reports, ranked, matched, sources, filter, onFilter, onMore, heading, notify, search, termResults, busy = false }: Props) {
  const [showFilters, setShowFilters] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const shown = useMemo(() => {
    if (!ranked) return reports;
    const keep = new Set(listReports(reports, filter));
    return reports.filter((r) => keep.has(r));
  }, [reports, filter, ranked]);
  const count = ranked ? shown.length : matched;
  const set = (patch: Partial<ListFilter>) => onFilter({ ...filter, ...patch });
  /** filters in use besides the sort order, counted on the Filters button */
  const active = [filter.source, filter.origin, filter.from, filter.to].filter(Boolean).length;
  const fail = (e: unknown) => notify('error', e instanceof Error ? e.message : String(e));

  const save = async (id: string, input: NewReportInput) => {
    try {
      await send('update-report', { id, report: input });
      setEditing(null);
      notify('ok', LIST_STRINGS.edited);
    } catch (e) {
      fail(e);
      throw e;
    }
  };
  const remove = async (r: Report) => {
    try {
      if (r.origin !== 'user') {
        await send('forget-reports', { ids: [r.id] });
        setConfirming(null);
        return notify('ok', LIST_STRINGS.forgotten);
      }
      await send('delete-report', { id: r.id });
      setConfirming(null);
      notify('ok', LIST_STRINGS.deleted);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <>
      <div class="search-row">
        {search}
        <button id="filters-toggle" aria-expanded={showFilters} aria-controls="filters" onClick={() => setShowFilters(!showFilters)}>
          {LIST_STRINGS.filters}
          {active > 0 && <span class="count"> {active}</span>}
        </button>
      </div>
      <div class="filters" id="filters" hidden={!showFilters}>
        <label>
          {LIST_STRINGS.sort}
          <select id="sort" value={ranked ? 'relevance' : filter.sort} disabled={ranked} onChange={(e) => set({ sort: (e.currentTarget as HTMLSelectElement).value as SortOrder })}>
            {ranked && <option value="relevance">{LIST_STRINGS.relevance}</option>}
            {SORT_ORDERS.map((o) => (
              <option value={o} key={o}>
                {LIST_STRINGS.order(o)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {LIST_STRINGS.source}
          <select id="filter-source" value={filter.source} onChange={(e) => set({ source: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{LIST_STRINGS.anySource}</option>
            {sources.map((s) => (
              <option value={s} key={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {LIST_STRINGS.origin}
          <select id="filter-origin" value={filter.origin} onChange={(e) => set({ origin: (e.currentTarget as HTMLSelectElement).value as ListFilter['origin'] })}>
            <option value="">{LIST_STRINGS.anyOrigin}</option>
            <option value="user">{LIST_STRINGS.mine}</option>
            <option value="seed">{LIST_STRINGS.bundled}</option>
            <option value="read">{LIST_STRINGS.read}</option>
            <option value="feed">{LIST_STRINGS.feed}</option>
          </select>
        </label>
        <label>
          {LIST_STRINGS.from}
          <input id="filter-from" type="date" value={filter.from} onInput={(e) => set({ from: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <label>
          {LIST_STRINGS.to}
          <input id="filter-to" type="date" value={filter.to} onInput={(e) => set({ to: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        {active > 0 && (
          <button class="link clear" onClick={() => onFilter({ ...DEFAULT_FILTER, sort: filter.sort })}>
            {LIST_STRINGS.clearFilters}
          </button>
        )}
      </div>
      {termResults}
      <section id="corpus" aria-labelledby="h-list" aria-busy={busy}>
      <h3 id="h-list">
        {heading} ({count})
      </h3>
      {shown.length === 0 && !busy && active > 0 && <p class="muted">{LIST_STRINGS.none}</p>}
      <ul id="reports">
        {shown.map((r) => (
          <li class="report" data-report-id={r.id} data-origin={r.origin} key={r.id}>
            <button class={r.title ? 'report-title' : 'report-title lead'} aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>
              {displayTitle(r.title, leadOf(r))}
            </button>
            <div class="meta">
              {metaLine(r)}
              {r.url && (
                <>
                  {' · '}
                  <a class="report-link" href={r.url} target="_blank" rel="noopener noreferrer">
                    {LIST_STRINGS.openSource}
                  </a>
                </>
              )}
            </div>
            {open === r.id && editing !== r.id && (
              <div class="report-body">
                {r.text.split('\n\n').map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
                {r.origin !== 'seed' && (
                  <div class="row actions">
                    {r.origin === 'user' && (
                      <button class="edit" onClick={() => (warmWrites(), setEditing(r.id))}>
                        {LIST_STRINGS.edit}
                      </button>
                    )}
                    {confirming === r.id ? (
                      <>
                        <button class="danger confirm-delete" onClick={() => void remove(r)}>
                          {r.origin === 'user' ? LIST_STRINGS.confirmDelete : LIST_STRINGS.confirmForget}
                        </button>
                        <button onClick={() => setConfirming(null)}>{LIST_STRINGS.keep}</button>
                      </>
                    ) : (
                      <button class="danger delete" onClick={() => setConfirming(r.id)}>
                        {r.origin === 'user' ? LIST_STRINGS.delete : LIST_STRINGS.forget}
                      </button>
                    )}
                  </div>
                )}
              </div>
            )}
            {editing === r.id && (
              <ReportForm class="edit-form" initial={fieldsOf(r)} submitLabel={LIST_STRINGS.save} onSubmit={(input) => save(r.id, input)} onCancel={() => setEditing(null)} />
            )}
          </li>
        ))}
      </ul>
      {count > shown.length && (
        <button id="more-reports" class="link" onClick={onMore}>
          {LIST_STRINGS.more(Math.min(LIST_PAGE, count - shown.length), count - shown.length)}
        </button>
      )}
    </section>
    </>
  );
}
