/** The popup's "On this page" list (lib/page/page-claims.ts): conflicts first, one entry per sentence, each report once. */
import { describe, expect, it } from 'vitest';
import type { ExplainItem, ExplainReply } from '../../lib/messages';
import { pageClaims, type JudgedMark } from '../../lib/page/page-claims';

const item = (reportId: string, verdict: ExplainItem['verdict']): ExplainItem => ({
  reportId,
  title: reportId === 'r1' ? 'Allies meet in Kyiv' : null,
  lead: `Lead of ${reportId}`,
  source: null,
  author: null,
  date: null,
  dateline: null,
  origin: 'seed',
  sentence: 'A report sentence.',
  verdict,
  reason: `${verdict} per ${reportId}`,
  parts: null,
  sides: null,
  certainty: 'likely',
} as ExplainItem);

const reply = (items: ExplainItem[]): ExplainReply => ({ termId: 't', label: 'T', kind: 'person', reportCount: items.length, claim: '', items, more: 0 });
const mark = (termId: string, claim: string, items: ExplainItem[] | null): JudgedMark => ({ termId, label: termId.toUpperCase(), claim, reply: items && reply(items) });

describe('pageClaims', () => {
  it('lists conflicts before corroborations, in page order, and leaves related and unjudged sentences out', () => {
    const claims = pageClaims([
      mark('kyiv', 'They met in Kyiv on Saturday.', [item('r1', 'corroborates'), item('r2', 'related')]),
      mark('witkoff', 'Witkoff met 12 countries.', [item('r1', 'conflicts')]),
      mark('paris', 'Then Paris.', null),
      mark('trump', 'Trump was not thrilled.', [item('r3', 'conflicts'), item('r2', 'disputed')]),
    ]);
    expect(claims.map((c) => [c.verdict, c.claim, c.reports.map((r) => r.reportId)])).toEqual([
      ['conflicts', 'Witkoff met 12 countries.', ['r1']],
      ['conflicts', 'Trump was not thrilled.', ['r3']],
      ['corroborates', 'They met in Kyiv on Saturday.', ['r1']],
    ]);
    expect(claims[0]).toMatchObject({ termId: 'witkoff', label: 'WITKOFF', reports: [{ title: 'Allies meet in Kyiv', reason: 'conflicts per r1' }] });
  });

  it('gives a sentence with several marked terms one entry, naming each report once', () => {
    const s = 'Witkoff and Kushner met Zelensky in Kyiv.';
    const claims = pageClaims([mark('witkoff', s, [item('r1', 'conflicts'), item('r2', 'conflicts')]), mark('kyiv', s, [item('r2', 'conflicts'), item('r3', 'corroborates')])]);
    expect(claims.map((c) => [c.verdict, c.termId, c.reports.map((r) => r.reportId)])).toEqual([
      ['conflicts', 'witkoff', ['r1', 'r2']],
      ['corroborates', 'kyiv', ['r3']],
    ]);
  });
});
