/**
 * What a report may hold, as one valibot schema used by every write path (add, edit, import):
 * plain text only, bounded sizes, http(s) URLs, well-formed Unicode. Errors name the first problem.
 */
import { i18n } from '#i18n';
import * as v from 'valibot';

export const LIMITS = {
  title: 500,
  source: 200,
  author: 200,
  date: 40,
  url: 2048,
  textMin: 20,
  /** characters; a long-form article is ~50,000 */
  text: 1_000_000,
} as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MARKUP = /<\s*\/?\s*[a-z][\w-]*(?:\s[^>]*)?>|<!--/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The fields as messages name them (locales/en.yml `fields`). */
type Field = 'text' | 'title' | 'source' | 'author' | 'date' | 'url';

/** Messages are read when a problem is found, not when the schema is built (they follow the UI language). */
export const SCHEMA_MESSAGES = {
  field: (f: Field) => i18n.t(`fields.${f}`),
  notText: (f: Field) => i18n.t('errors.notText', [SCHEMA_MESSAGES.field(f)]),
  tooLong: (f: Field, max: number) => i18n.t('errors.tooLong', [SCHEMA_MESSAGES.field(f), max.toLocaleString('en')]),
  loneSurrogate: (f: Field) => i18n.t('errors.loneSurrogate', [SCHEMA_MESSAGES.field(f)]),
  control: (f: Field) => i18n.t('errors.control', [SCHEMA_MESSAGES.field(f)]),
  markup: (f: Field) => i18n.t('errors.markup', [SCHEMA_MESSAGES.field(f)]),
  get urlScheme() {
    return i18n.t('errors.urlScheme');
  },
  get tooShort() {
    return i18n.t('errors.tooShort');
  },
  get invalid() {
    return i18n.t('errors.invalid');
  },
  at: (n: number) => i18n.t('errors.at', [String(n)]),
};

const plain = (field: Field, max: number) =>
  v.pipe(
    v.string(() => SCHEMA_MESSAGES.notText(field)),
    v.maxLength(max, () => SCHEMA_MESSAGES.tooLong(field, max)),
    v.check((s) => !LONE_SURROGATE.test(s), () => SCHEMA_MESSAGES.loneSurrogate(field)),
    v.check((s) => !CONTROL.test(s), () => SCHEMA_MESSAGES.control(field)),
    v.check((s) => !MARKUP.test(s), () => SCHEMA_MESSAGES.markup(field)),
  );

const optional = (field: Field, max: number) => v.optional(v.nullable(plain(field, max)));

export const HttpUrl = v.pipe(
  plain('url', LIMITS.url),
  v.check((s) => {
    try {
      return /^https?:$/.test(new URL(s).protocol);
    } catch {
      return false;
    }
  }, () => SCHEMA_MESSAGES.urlScheme),
);

export const NewReportSchema = v.object({
  text: v.pipe(
    plain('text', LIMITS.text),
    v.check((s) => s.trim().length >= LIMITS.textMin && s.trim().split(/\s+/).length >= 5, () => SCHEMA_MESSAGES.tooShort),
  ),
  title: optional('title', LIMITS.title),
  source: optional('source', LIMITS.source),
  author: optional('author', LIMITS.author),
  date: optional('date', LIMITS.date),
  url: v.optional(v.nullable(v.union([v.literal(''), HttpUrl], () => SCHEMA_MESSAGES.urlScheme))),
});

export type NewReportInput = v.InferOutput<typeof NewReportSchema>;

/** The first problem in words a reader understands, with where it is when nested (e.g. "report 12"). */
export function firstProblem(issues: readonly v.BaseIssue<unknown>[], where = ''): string {
  const issue = issues[0];
  if (!issue) return SCHEMA_MESSAGES.invalid;
  // messages already name their field; only positions in a list are added ("report 12")
  const path = (issue.path ?? []).filter((p) => typeof p.key === 'number').map((p) => SCHEMA_MESSAGES.at((p.key as number) + 1)).join(' › ');
  const at = [where, path].filter(Boolean).join(' › ');
  return at ? `${at}: ${issue.message}` : issue.message;
}

/** Validate one report to be added or edited; throws an Error naming the first problem. */
export function parseNewReport(input: unknown): NewReportInput {
  const r = v.safeParse(NewReportSchema, input);
  if (!r.success) throw new Error(firstProblem(r.issues));
  return r.output;
}
