/** One form for a report's fields: the "Add this article" preview, pasting a report, and editing one. */
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import type { NewReportInput } from '../../lib/corpus/schema';

export const FORM_STRINGS = {
  get title() {
    return i18n.t('form.title');
  },
  get source() {
    return i18n.t('form.source');
  },
  get author() {
    return i18n.t('form.author');
  },
  get date() {
    return i18n.t('form.date');
  },
  get url() {
    return i18n.t('form.url');
  },
  get text() {
    return i18n.t('form.text');
  },
  get notStated() {
    return i18n.t('form.notStated');
  },
  get saving() {
    return i18n.t('form.saving');
  },
  get cancel() {
    return i18n.t('form.cancel');
  },
};

export interface ReportFields {
  title: string;
  source: string;
  author: string;
  date: string;
  url: string;
  text: string;
}

export const EMPTY_FIELDS: ReportFields = { title: '', source: '', author: '', date: '', url: '', text: '' };

/** Form fields from a report or an extracted draft (null means the page did not state it). */
export function fieldsOf(r: Partial<Record<keyof ReportFields, string | null | undefined>>): ReportFields {
  const f = { ...EMPTY_FIELDS };
  for (const k of Object.keys(f) as (keyof ReportFields)[]) f[k] = r[k] ?? '';
  return f;
}

/** What is sent to the background: blanks become null ("not stated"). */
export function inputOf(f: ReportFields): NewReportInput {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return { title: orNull(f.title), source: orNull(f.source), author: orNull(f.author), date: orNull(f.date), url: orNull(f.url), text: f.text };
}

interface Props {
  initial: ReportFields;
  submitLabel: string;
  /** resolves when saved; throws with a message to show */
  onSubmit(input: NewReportInput): Promise<void>;
  onCancel?(): void;
  /** reset the fields after a successful save (the paste form) */
  resetOnSave?: boolean;
  class?: string;
}

export function ReportForm({ initial, submitLabel, onSubmit, onCancel, resetOnSave, class: cls }: Props) {
  const [fields, setFields] = useState<ReportFields>(initial);
  const [busy, setBusy] = useState(false);
  const bind = (k: keyof ReportFields) => ({
    name: k,
    value: fields[k],
    onInput: (e: Event) => setFields({ ...fields, [k]: (e.currentTarget as HTMLInputElement).value }),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(inputOf(fields));
      if (resetOnSave) setFields(EMPTY_FIELDS);
    } catch {
      // the caller shows the message; the fields stay as typed so nothing is lost
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class={cls} onSubmit={(e) => void submit(e)}>
      <label>
        {FORM_STRINGS.title}
        <input {...bind('title')} placeholder={FORM_STRINGS.notStated} />
      </label>
      <div class="row">
        <label>
          {FORM_STRINGS.source}
          <input {...bind('source')} placeholder={FORM_STRINGS.notStated} />
        </label>
        <label>
          {FORM_STRINGS.date}
          <input {...bind('date')} type="date" />
        </label>
      </div>
      <label>
        {FORM_STRINGS.author}
        <input {...bind('author')} placeholder={FORM_STRINGS.notStated} />
      </label>
      <label>
        {FORM_STRINGS.url}
        <input {...bind('url')} type="url" placeholder={FORM_STRINGS.notStated} />
      </label>
      <label>
        {FORM_STRINGS.text}
        <textarea {...bind('text')} required rows={6} />
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? FORM_STRINGS.saving : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {FORM_STRINGS.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
