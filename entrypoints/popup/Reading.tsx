/** The popup's "Remember what I read": on/off, this site, pause, how many are remembered, forget a period. */
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/rpc';
import { normaliseReading, withSite, type ReadingSettings } from '../../lib/settings';
import { reading } from '../../lib/storage';
import type { Notify } from './notice';

const HOUR = 3_600_000;
/** The periods the reader can forget, as how far back they reach (ms; Infinity: all time). */
export const FORGET_PERIODS = { hour: HOUR, day: 24 * HOUR, week: 7 * 24 * HOUR, month: 28 * 24 * HOUR, all: Infinity } as const;
type Period = keyof typeof FORGET_PERIODS;

export const READING_STRINGS = {
  get summary() {
    return i18n.t('reading.summary');
  },
  get on() {
    return i18n.t('reading.on');
  },
  site: (site: string) => i18n.t('reading.site', [site]),
  get pause() {
    return i18n.t('reading.pause');
  },
  get resume() {
    return i18n.t('reading.resume');
  },
  get paused() {
    return i18n.t('reading.paused');
  },
  count: (n: number) => i18n.t('reading.count', n, [n.toLocaleString('en')]),
  get forgetLabel() {
    return i18n.t('reading.forgetLabel');
  },
  period: (p: Period) => i18n.t(`reading.${p}`),
  get forget() {
    return i18n.t('reading.forget');
  },
  forgot: (n: number) => i18n.t('reading.forgot', n, [n.toLocaleString('en')]),
};

interface Props {
  /** the site of the tab the popup is about; null on pages the extension cannot act on */
  site: string | null;
  /** how many remembered articles the corpus holds */
  count: number;
  notify: Notify;
}

export function Reading({ site, count, notify }: Props) {
  const [settings, setSettings] = useState<ReadingSettings | null>(null);
  const [period, setPeriod] = useState<Period>('hour');
  useEffect(() => {
    void reading.getValue().then((r) => setSettings(normaliseReading(r)));
    return reading.watch((r) => setSettings(normaliseReading(r)));
  }, []);
  if (!settings) return null;
  const save = async (patch: Partial<ReadingSettings>) => {
    const next = normaliseReading({ ...normaliseReading(await reading.getValue()), ...patch });
    setSettings(next);
    await reading.setValue(next);
  };
  const forget = async () => {
    try {
      const span = FORGET_PERIODS[period];
      const now = Date.now();
      const { removed } = await send('forget-read', { from: span === Infinity ? 0 : now - span, to: now });
      notify('ok', READING_STRINGS.forgot(removed));
    } catch (e) {
      notify('error', e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <details id="reading">
      <summary>{READING_STRINGS.summary}</summary>
      <label class="check">
        <input type="checkbox" role="switch" id="reading-switch" checked={settings.on} onChange={(e) => void save({ on: (e.currentTarget as HTMLInputElement).checked })} />
        {READING_STRINGS.on}
      </label>
      {settings.on && site && (
        <label class="check">
          <input
            type="checkbox"
            id="reading-site"
            checked={!settings.offSites.includes(site)}
            onChange={(e) => void save({ offSites: withSite(settings.offSites, site, (e.currentTarget as HTMLInputElement).checked) })}
          />
          {READING_STRINGS.site(site)}
        </label>
      )}
      {settings.on && (
        <div class="row">
          <button id="reading-pause" aria-pressed={settings.paused} onClick={() => void save({ paused: !settings.paused })}>
            {settings.paused ? READING_STRINGS.resume : READING_STRINGS.pause}
          </button>
          {settings.paused && <span class="muted">{READING_STRINGS.paused}</span>}
        </div>
      )}
      <p class="muted" id="reading-count">
        {READING_STRINGS.count(count)}
      </p>
      {count > 0 && (
        <div class="row">
          <label for="forget-period">{READING_STRINGS.forgetLabel}</label>
          <select id="forget-period" value={period} onChange={(e) => setPeriod((e.currentTarget as HTMLSelectElement).value as Period)}>
            {(Object.keys(FORGET_PERIODS) as Period[]).map((p) => (
              <option value={p} key={p}>
                {READING_STRINGS.period(p)}
              </option>
            ))}
          </select>
          <button id="forget-read" class="danger" onClick={() => void forget()}>
            {READING_STRINGS.forget}
          </button>
        </div>
      )}
    </details>
  );
}
