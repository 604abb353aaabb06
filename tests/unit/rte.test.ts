import { describe, expect, it } from 'vitest';
import { EvidenceIndex } from '../../lib/evidence';
import { judgeReports } from '../../lib/evidence/judged';
import { compileCorpus } from '../../lib/corpus';
import { Matcher } from '../../lib/match';
import { entityLookup } from '../../lib/stance';
import { parseRte } from '../../scripts/rte';

// Pairs written for this test in the RTE format (not taken from any RTE set).
const XML = `<entailment-corpus>
  <pair id="1" entailment="ENTAILMENT" task="IE">
    <t>The harbour authority said on Tuesday that 14 fishing boats were damaged when the storm reached the port of Eastmere. No one was hurt.</t>
    <h>14 fishing boats were damaged in the storm at the port of Eastmere.</h>
  </pair>
  <pair id="2" entailment="CONTRADICTION" task="IE">
    <t>The harbour authority said on Tuesday that 14 fishing boats were damaged when the storm reached the port of Eastmere. No one was hurt.</t>
    <h>The harbour authority said 9 fishing boats were damaged when the storm reached the port of Eastmere.</h>
  </pair>
  <pair id="3" value="UNKNOWN" task="QA">
    <t>The town council of Eastmere met on Monday &amp; approved a new budget for the harbour.</t>
    <h>The mayor of Eastmere opposed the budget.</h>
  </pair>
  <pair id="4" entailment="YES"><t>Rain fell.</t><h>It rained.</h></pair>
</entailment-corpus>`;

describe('RTE pairs (scripts/rte.ts)', () => {
  it('reads three-way and YES/NO labels, with entities unescaped', () => {
    const pairs = parseRte(XML);
    expect(pairs.map((p) => p.label)).toEqual(['entailment', 'contradiction', 'unknown', 'entailment']);
    expect(pairs[2]!.t).toContain('Monday & approved');
  });

  it('judged as bench:rte does: T the only report, H the page claim', () => {
    const pairs = parseRte(XML).slice(0, 3);
    const corpus = compileCorpus(pairs.map((p) => ({ id: p.id, origin: 'user', text: p.t })));
    const entities = entityLookup(new Matcher(corpus.terms));
    const verdict = (k: number) => {
      const index = new EvidenceIndex(entities);
      index.add(corpus.reports[k]!, corpus.index.find((r) => r.reportId === pairs[k]!.id)!.mentions);
      return judgeReports(index, pairs[k]!.h, entities)[0]?.judgement.verdict ?? 'not listed';
    };
    expect(verdict(0)).toBe('corroborates');
    expect(verdict(1)).toBe('conflicts');
    expect(['related', 'not listed']).toContain(verdict(2));
  });
});

describe('judgeReports lists a related report without the hovered term only when its sentence is close to the claim', () => {
  it('the same story in other words is listed as related; a report about something else is not', () => {
    const raws = [
      { id: 'close', origin: 'user' as const, text: 'Firefighters in Eastmere fought a warehouse blaze near the harbour through the night. The cause is unknown.' },
      { id: 'far', origin: 'user' as const, text: 'The Eastmere council approved the harbour budget on Monday. Ferries will run on time.' },
      { id: 'named', origin: 'user' as const, text: 'Halden Logistics opened a depot in Westby in 2019. It employs 40 people.' },
    ];
    const corpus = compileCorpus(raws);
    const entities = entityLookup(new Matcher(corpus.terms));
    const index = new EvidenceIndex(entities);
    for (const r of corpus.reports) index.add(r, corpus.index.find((row) => row.reportId === r.id)!.mentions);
    const claim = 'A blaze at a warehouse near the Eastmere harbour was fought by firefighters through the night, Halden Logistics said.';
    const termId = entities.find(claim).find((e) => e.text.includes('Halden'))?.id;
    expect(termId).toBeDefined();
    const listed = new Map(judgeReports(index, claim, entities, { termId }).map((j) => [j.report.id, j.judgement.verdict]));
    expect(listed.has('close')).toBe(true);
    expect(listed.has('far')).toBe(false);
    expect(listed.get('named')).toBe('related');
  });
});
