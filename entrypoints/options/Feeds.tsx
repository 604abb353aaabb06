/** The options page's feeds: follow one (asking for its site's access then), each one's status, fetch now, pause, stop following. */
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { FollowedFeed } from '../../lib/background/feeds';
import { send } from '../../lib/rpc';
import { hostPattern } from '../../lib/settings';
import { feeds as feedsItem } from '../../lib/storage';

const time = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A feed's status in words: when it was fetched, what that brought, or what went wrong. */
export function feedStatus(f: FollowedFeed): string {
  const parts: string[] = [];
  if (f.lastFetch === null) parts.push(i18n.t('follow.never'));
  else if (f.error) parts.push(i18n.t('follow.failed', [time(f.lastFetch), f.error]));
  else parts.push(i18n.t('follow.fetched', f.lastAdded, [time(f.lastFetch), String(f.lastAdded)]));
  parts.push(i18n.t('follow.total', f.added, [String(f.added)]));
  if (f.paused) parts.push(i18n.t('follow.pausedNote'));
  return parts.join(' · ');
}

export function Feeds() {
  const [list, setList] = useState<FollowedFeed[]>([]);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  useEffect(() => {
    void feedsItem.getValue().then(setList);
    return feedsItem.watch((f) => setList(f ?? []));
  }, []);

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const text = await work();
      setMessage(text ? { error: false, text } : null);
    } catch (e) {
      setMessage({ error: true, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const add = (e: Event) => {
    e.preventDefault();
    const typed = draft.trim();
    let url: string;
    try {
      url = new URL(/^https?:\/\//i.test(typed) ? typed : `https://${typed}`).href;
    } catch {
      return setMessage({ error: true, text: i18n.t('feeds.notWeb') });
    }
    // asked now, while the click counts as the reader's: access to this feed's site only (no prompt when granted before)
    const asking = browser.permissions.request({ origins: [hostPattern(url)] });
    void run(async () => {
      if (!(await asking)) throw new Error(i18n.t('follow.denied', [new URL(url).hostname]));
      const { feed } = await send('add-feed', { url });
      setDraft('');
      return feed.error ? null : i18n.t('follow.added', feed.added, [feed.title ?? feed.url, String(feed.added)]);
    });
  };

  return (
    <section aria-labelledby="h-feeds">
      <h2 id="h-feeds">{i18n.t('follow.heading')}</h2>
      <p class="muted">{i18n.t('follow.explain')}</p>
      {list.length === 0 ? (
        <p class="muted">{i18n.t('follow.none')}</p>
      ) : (
        <ul id="feeds">
          {list.map((f) => (
            <li class="feed" data-url={f.url} data-id={f.id} key={f.id}>
              <span class="feed-title">{f.title ?? f.url}</span>
              <p class={f.error ? 'feed-status error' : 'feed-status muted'}>{feedStatus(f)}</p>
              <div class="row">
                <button type="button" class="refresh" disabled={busy} onClick={() => void run(async () => (await send('refresh-feeds', { id: f.id }), null))}>
                  {i18n.t('follow.refresh')}
                </button>
                <button type="button" class="pause" aria-pressed={f.paused} onClick={() => void run(async () => (await send('pause-feed', { id: f.id, paused: !f.paused }), null))}>
                  {f.paused ? i18n.t('follow.resume') : i18n.t('follow.pause')}
                </button>
                {removing === f.id ? (
                  <>
                    <button type="button" class="remove-keep" onClick={() => void run(async () => (await send('remove-feed', { id: f.id, withReports: false }), null))}>
                      {i18n.t('follow.removeKeep')}
                    </button>
                    <button type="button" class="danger remove-all" onClick={() => void run(async () => {
                        const { removed } = await send('remove-feed', { id: f.id, withReports: true });
                        return i18n.t('follow.removedAll', removed, [String(removed)]);
                      })}>
                      {i18n.t('follow.removeAll')}
                    </button>
                  </>
                ) : (
                  <button type="button" class="remove" onClick={() => setRemoving(f.id)}>
                    {i18n.t('follow.remove')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <form id="add-feed" onSubmit={add}>
        <label for="feed-input">{i18n.t('follow.add')}</label>
        <div class="row">
          <input id="feed-input" value={draft} placeholder={i18n.t('follow.addPlaceholder')} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
          <button type="submit" class="primary" disabled={busy || !draft.trim()}>
            {i18n.t('follow.addButton')}
          </button>
        </div>
      </form>
      {list.length > 0 && (
        <button type="button" id="refresh-feeds" disabled={busy} onClick={() => void run(async () => (await send('refresh-feeds', {}), null))}>
          {i18n.t('follow.refreshAll')}
        </button>
      )}
      {message && (
        <p id="feed-message" class={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
