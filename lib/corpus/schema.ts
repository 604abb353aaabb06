/**
 * What a report may hold, as one valibot schema used by every write path (add, edit, import):
 * plain text only, bounded sizes, http(s) URLs, well-formed Unicode. Errors name the first problem.
 */
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

const plain = (field: string, max: number) =>
  v.pipe(
    v.string(`${field} must be text`),
    v.maxLength(max, `${field} is longer than ${max.toLocaleString('en')} characters`),
    v.check((s) => !LONE_SURROGATE.test(s), `${field} contains broken characters (a lone surrogate)`),
    v.check((s) => !CONTROL.test(s), `${field} contains control characters`),
    v.check((s) => !MARKUP.test(s), `${field} must be plain text, not HTML or script`),
  );

const optional = (field: string, max: number) => v.optional(v.nullable(plain(field, max)));

export const HttpUrl = v.pipe(
  plain('The URL', LIMITS.url),
  v.check((s) => {
    try {
      return /^https?:$/.test(new URL(s).protocol);
    } catch {
      return false;
    }
  }, 'The URL must start with http:// or https://'),
);

export const NewReportSchema = v.object({
  text: v.pipe(
    plain('The report text', LIMITS.text),
    v.check((s) => s.trim().length >= LIMITS.textMin && s.trim().split(/\s+/).length >= 5, 'A report needs some text (at least a sentence).'),
  ),
  title: optional('The title', LIMITS.title),
  source: optional('The source', LIMITS.source),
  author: optional('The author', LIMITS.author),
  date: optional('The date', LIMITS.date),
  url: v.optional(v.nullable(v.union([v.literal(''), HttpUrl], 'The URL must start with http:// or https://'))),
});

export type NewReportInput = v.InferOutput<typeof NewReportSchema>;

/** The first problem in words a reader understands, with where it is when nested (e.g. "report 12"). */
export function firstProblem(issues: readonly v.BaseIssue<unknown>[], where = ''): string {
  const issue = issues[0];
  if (!issue) return 'The input is not valid.';
  // messages already name their field; only positions in a list are added ("report 12")
  const path = (issue.path ?? []).filter((p) => typeof p.key === 'number').map((p) => `report ${(p.key as number) + 1}`).join(' › ');
  const at = [where, path].filter(Boolean).join(' › ');
  return at ? `${at}: ${issue.message}` : issue.message;
}

/** Validate one report to be added or edited; throws an Error naming the first problem. */
export function parseNewReport(input: unknown): NewReportInput {
  const r = v.safeParse(NewReportSchema, input);
  if (!r.success) throw new Error(firstProblem(r.issues));
  return r.output;
}
