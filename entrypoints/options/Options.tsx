/** The settings form: popover delay, kinds of terms, fuzzy matching, where to mark, and the sites switched off. */
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { READ_CAP } from '../../lib/corpus/gathered';
import { DEFAULT_PREFERENCES, normalisePreferences, normaliseReading, TERM_KINDS, withSite, type Preferences, type ReadingSettings } from '../../lib/settings';
import { disabledSites, preferences, reading } from '../../lib/storage';
import { siteFromInput, updatePreferences, withKind } from './edit';
import { Feeds } from './Feeds';

export function Options() {
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [remember, setRemember] = useState<ReadingSettings | null>(null);

  // Load, then follow changes made elsewhere (the popup's site switch, another options tab).
  useEffect(() => {
    void preferences.getValue().then((p) => setPrefs(normalisePreferences(p)));
    void disabledSites.getValue().then(setSites);
    const unwatchPrefs = preferences.watch((p) => setPrefs(normalisePreferences(p)));
    const unwatchSites = disabledSites.watch((s) => setSites(s ?? []));
    void reading.getValue().then((r) => setRemember(normaliseReading(r)));
    const unwatchReading = reading.watch((r) => setRemember(normaliseReading(r)));
    return () => {
      unwatchPrefs();
      unwatchSites();
      unwatchReading();
    };
  }, []);

  if (!prefs || !remember) return null;

  const savePrefs = async (patch: Partial<Preferences>) => {
    const next = updatePreferences(prefs, patch);
    setPrefs(next);
    await preferences.setValue(next);
    setSaved(true);
  };
  const saveSite = async (site: string, enabled: boolean) => {
    await disabledSites.setValue(withSite(await disabledSites.getValue(), site, enabled));
    setSaved(true);
  };
  const saveReading = async (patch: Partial<ReadingSettings>) => {
    const next = normaliseReading({ ...normaliseReading(await reading.getValue()), ...patch });
    setRemember(next);
    await reading.setValue(next);
    setSaved(true);
  };
  const addSite = async (e: Event) => {
    e.preventDefault();
    const site = siteFromInput(draft);
    if (!site) return setInvalid(draft.trim());
    setInvalid(null);
    setDraft('');
    await saveSite(site, false);
  };

  return (
    <main>
      <h1>
        <img src="/icons/48.png" alt="" />
        {i18n.t('options.title')}
      </h1>

      <section aria-labelledby="h-hover">
        <h2 id="h-hover">{i18n.t('options.hoverHeading')}</h2>
        <label for="hover-delay">{i18n.t('options.hoverDelay')}</label>
        <div class="row">
          <input
            id="hover-delay"
            type="range"
            min={0}
            max={2000}
            step={50}
            value={prefs.hoverDelayMs}
            onChange={(e) => void savePrefs({ hoverDelayMs: Number((e.target as HTMLInputElement).value) })}
          />
          <output for="hover-delay" id="hover-delay-value">
            {i18n.t('options.milliseconds', [String(prefs.hoverDelayMs)])}
          </output>
        </div>
      </section>

      <section aria-labelledby="h-kinds">
        <h2 id="h-kinds">{i18n.t('options.kindsHeading')}</h2>
        {TERM_KINDS.map((kind) => (
          <label class="check" key={kind}>
            <input type="checkbox" id={`kind-${kind}`} checked={prefs.kinds.includes(kind)} onChange={(e) => void savePrefs({ kinds: withKind(prefs.kinds, kind, (e.target as HTMLInputElement).checked) })} />
            {i18n.t(`kinds.${kind}`)}
          </label>
        ))}
        <label class="check">
          <input type="checkbox" id="fuzzy" checked={prefs.fuzzy} onChange={(e) => void savePrefs({ fuzzy: (e.target as HTMLInputElement).checked })} />
          {i18n.t('options.fuzzy')}
        </label>
      </section>

      <section aria-labelledby="h-scope">
        <h2 id="h-scope">{i18n.t('options.scopeHeading')}</h2>
        <label class="check">
          <input type="radio" name="scope" id="scope-article" checked={prefs.scope === 'article'} onChange={() => void savePrefs({ scope: 'article' })} />
          {i18n.t('options.scopeArticle')}
        </label>
        <label class="check">
          <input type="radio" name="scope" id="scope-everywhere" checked={prefs.scope === 'everywhere'} onChange={() => void savePrefs({ scope: 'everywhere' })} />
          {i18n.t('options.scopeEverywhere')}
        </label>
      </section>

      <section aria-labelledby="h-sites">
        <h2 id="h-sites">{i18n.t('options.sitesHeading')}</h2>
        {sites.length === 0 ? (
          <p class="muted">{i18n.t('options.sitesNone')}</p>
        ) : (
          <ul id="sites">
            {sites.map((site) => (
              <li class="site" data-site={site} key={site}>
                <span>{site}</span>
                <button type="button" class="remove" aria-label={i18n.t('options.sitesTurnOnLabel', [site])} onClick={() => void saveSite(site, true)}>
                  {i18n.t('options.sitesTurnOn')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form id="add-site" onSubmit={(e) => void addSite(e)}>
          <label for="site-input">{i18n.t('options.sitesAdd')}</label>
          <div class="row">
            <input id="site-input" value={draft} placeholder={i18n.t('options.sitesAddPlaceholder')} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} aria-invalid={invalid !== null} />
            <button type="submit" class="primary">{i18n.t('options.sitesAddButton')}</button>
          </div>
          {invalid !== null && (
            <p class="error" role="alert">
              {i18n.t('options.sitesInvalid', [invalid])}
            </p>
          )}
        </form>
      </section>

      <section aria-labelledby="h-reading">
        <h2 id="h-reading">{i18n.t('options.readingHeading')}</h2>
        <label class="check">
          <input type="checkbox" role="switch" id="reading-on" checked={remember.on} onChange={(e) => void saveReading({ on: (e.target as HTMLInputElement).checked })} />
          {i18n.t('options.readingOn')}
        </label>
        <p class="muted">{i18n.t('options.readingExplain', [READ_CAP.toLocaleString('en')])}</p>
        {remember.on && remember.paused && <p class="muted">{i18n.t('options.readingPaused')}</p>}
        {remember.offSites.length === 0 ? (
          <p class="muted">{i18n.t('options.readingSitesNone')}</p>
        ) : (
          <>
            <p>{i18n.t('options.readingSitesLabel')}</p>
            <ul id="reading-sites">
              {remember.offSites.map((site) => (
                <li class="site" data-site={site} key={site}>
                  <span>{site}</span>
                  <button type="button" class="remove" aria-label={i18n.t('options.readingSiteOnLabel', [site])} onClick={() => void saveReading({ offSites: withSite(remember.offSites, site, true) })}>
                    {i18n.t('options.readingSiteOn')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <Feeds />

      <footer>
        <button type="button" id="reset" onClick={() => void savePrefs(DEFAULT_PREFERENCES)}>
          {i18n.t('options.reset')}
        </button>
        <span id="status" role="status" aria-live="polite">
          {saved ? i18n.t('options.saved') : ''}
        </span>
        <p class="muted">{i18n.t('options.privacy')}</p>
      </footer>
    </main>
  );
}
