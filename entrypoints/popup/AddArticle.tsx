/** "Add this article": extract the tab's article through its content script and show it for correction before saving. */
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { articleFromHtml } from '../../lib/corpus/article';
import type { NewReportInput } from '../../lib/corpus/schema';
import { send, sendToTab } from '../../lib/rpc';
import { fieldsOf, ReportForm, type ReportFields } from './ReportForm';
import type { Notify } from './notice';
import { warmWrites } from './warm-writes';

export const ADD_ARTICLE_STRINGS = {
  get button() {
    return i18n.t('addArticle.button');
  },
  get reading() {
    return i18n.t('addArticle.reading');
  },
  get save() {
    return i18n.t('addArticle.save');
  },
  get noPage() {
    return i18n.t('addArticle.noPage');
  },
  get noArticle() {
    return i18n.t('addArticle.noArticle');
  },
  get preview() {
    return i18n.t('addArticle.preview');
  },
  saved: (title: string | null) => i18n.t('app.added', [title ?? i18n.t('app.untitled')]),
};

interface Props {
  tabId: number | null;
  /** the tab has a content script (a web page) */
  available: boolean;
  /** open the preview at once (the context-menu item opens the popup page with ?add=article) */
  autoStart: boolean;
  notify: Notify;
}

export function AddArticle({ tabId, available, autoStart, notify }: Props) {
  const [draft, setDraft] = useState<ReportFields | null>(null);
  const [reading, setReading] = useState(false);

  const extract = async () => {
    if (tabId === null) return notify('error', ADD_ARTICLE_STRINGS.noPage);
    warmWrites();
    setReading(true);
    try {
      const page = await sendToTab(tabId, 'extract-article');
      const article = articleFromHtml(page.html, page.url);
      if (!article) notify('error', ADD_ARTICLE_STRINGS.noArticle);
      else setDraft(fieldsOf(article));
    } catch (e) {
      notify('error', e instanceof Error ? e.message : String(e));
    } finally {
      setReading(false);
    }
  };

  useEffect(() => {
    if (autoStart && available) void extract();
  }, [autoStart, available]);

  const save = async (input: NewReportInput) => {
    try {
      const { report } = await send('add-report', { report: input });
      setDraft(null);
      notify('ok', ADD_ARTICLE_STRINGS.saved(report.title));
    } catch (e) {
      notify('error', e instanceof Error ? e.message : String(e));
      throw e;
    }
  };

  return (
    <section id="add-article">
      {!draft ? (
        <button id="add-article-button" class="primary" disabled={!available || reading} title={available ? '' : ADD_ARTICLE_STRINGS.noPage} onClick={() => void extract()}>
          {reading ? ADD_ARTICLE_STRINGS.reading : ADD_ARTICLE_STRINGS.button}
        </button>
      ) : (
        <>
          <p class="muted">{ADD_ARTICLE_STRINGS.preview}</p>
          <ReportForm class="article-preview" initial={draft} submitLabel={ADD_ARTICLE_STRINGS.save} onSubmit={save} onCancel={() => setDraft(null)} />
        </>
      )}
    </section>
  );
}
