import { describe, expect, it } from 'vitest';
import { EvidenceIndex } from '../../lib/evidence';
import { judgeReports } from '../../lib/evidence/judged';
import { compileCorpus } from '../../lib/corpus';
import { Matcher } from '../../lib/match';
import { entityLookup } from '../../lib/stance';
import { compareClaims } from '../../lib/stance/claims';
import { predicateSaid, states } from '../../lib/stance/coverage';
import { claimFrame } from '../../lib/stance/frame';
import { claimPredicate, linkPredicate } from '../../lib/stance/predicate';
import { rolesOf, rolesSwapped } from '../../lib/stance/roles';
import { parseRte } from '../../scripts/rte';

// Sentences written for these tests (none taken from RTE or FNC-1).
const entities = entityLookup(new Matcher([]));
const frame = (s: string) => claimFrame(s, entities);

describe('the predicate of a short claim (predicate.ts)', () => {
  it('is the head after a copula, a participle after it, or the main verb', () => {
    expect(claimPredicate('Mara Quint is Oren Quint’s sister.')).toBe('sister');
    expect(claimPredicate('Tobin Ashe is the treasurer of the Eastmere rowing club.')).toBe('treasurer');
    expect(claimPredicate('Tobin Ashe is friends with Mara Quint.')).toBe('friend');
    expect(claimPredicate('The Eastmere choir was formed in 1991.')).toBe('form');
    expect(claimPredicate('Tobin Ashe painted the harbour mural.')).toBe('paint');
  });

  it('has none in an age, a light verb or "comes from"; "is found in" is where a thing is', () => {
    expect(claimPredicate('Tobin Ashe is 41 years old.')).toBeNull();
    expect(claimPredicate('Tobin Ashe comes from Westby.')).toBeNull();
    expect(claimPredicate('The old lighthouse is found in Eastmere.')).toBe('locat');
    expect(linkPredicate(claimPredicate('Tobin Ashe is a member of the Eastmere rowing club.'))).toBe(true);
    expect(linkPredicate(claimPredicate('Tobin Ashe is the treasurer of the Eastmere rowing club.'))).toBe(false);
  });

  it('finds none in a long sentence, whose clauses it cannot rank ("said … which was first reported by …")', () => {
    expect(claimPredicate('The coach said the club has hired a new keeper and signed two wingers, which was first reported by the Eastmere Gazette.')).toBeNull();
    // unless a copula follows a short subject: then it is the main clause's
    expect(claimPredicate('Ada Vey is an employee of the Eastmere Institute for Harbour Safety and Coastal Research.')).toBe('employe');
  });
});

describe('coverage never lets the predicate be the missing word', () => {
  it('two names side by side are no kinship, friendship or office', () => {
    const b = 'Oren and Mara Quint opened a bakery in Eastmere last spring.';
    expect(states('Mara Quint is Oren Quint’s sister.', b, frame('Mara Quint is Oren Quint’s sister.'), frame(b))).toBeNull();
    const c = 'Tobin Ashe and Mara Quint rowed for the Eastmere club in 2019.';
    expect(states('Tobin Ashe is friends with Mara Quint.', c, frame('Tobin Ashe is friends with Mara Quint.'), frame(c))).toBeNull();
  });

  it('a predicate of place or membership is said by apposition in one sentence', () => {
    const a = 'The Halden depot is located in Westby.';
    const b = 'The Halden depot in Westby employs 40 people.';
    expect(states(a, b, frame(a), frame(b))).not.toBeNull();
    // a place noun after the copula is a predicate of place too; three words are enough ("Westby, Norland")
    const c = 'Westby is a town in Norland.';
    const d = 'Halden opened an office in Westby, Norland, on Monday.';
    expect(states(c, d, frame(c), frame(d))).not.toBeNull();
    expect(states(c, 'Halden opened an office in Westby on Monday.', frame(c), frame('Halden opened an office in Westby on Monday.'))).toBeNull();
  });

  it('a relation is said in the words the synonym table keeps apart: wife / married, founder / creator', () => {
    const a = 'Oren Quint married Mara Holt.';
    const b = 'Oren Quint and his wife Mara Holt opened a bakery in Eastmere.';
    expect(states(a, b, frame(a), frame(b))).not.toBeNull();
    const c = 'Tobin Ashe is the creator of Harbourline.';
    const d = 'Harbourline founder Tobin Ashe spoke on Monday.';
    expect(states(c, d, frame(c), frame(d))).not.toBeNull();
  });

  it('the predicate stands with the claim’s names in one sentence, not gathered from two', () => {
    const claim = 'Mara Quint lives in Westby.';
    expect(predicateSaid(claim, ['Mara Quint opened a bakery on Friday.', 'A storm closed the road to Westby.'])).toBe(false);
    expect(predicateSaid(claim, ['Mara Quint, who lives in Westby, opened a bakery.'])).toBe(true);
    const painted = 'Tobin Ashe painted the harbour mural.';
    expect(predicateSaid(painted, ['Tobin Ashe spoke at the opening.', 'The harbour mural was painted in May.'])).toBe(false);
    expect(predicateSaid(painted, ['Tobin Ashe painted it over the summer.'])).toBe(true);
  });
});

describe('doer and victim swapped (roles.ts)', () => {
  it('reads the doer and the victim of active, passive and "confessed to" sentences', () => {
    expect(rolesOf('The guard killed the intruder.')).toEqual({ doer: 'The guard', done: 'the intruder' });
    expect(rolesOf('Two wardens were beaten by a poacher near the lake.')).toEqual({ doer: 'a poacher', done: 'Two wardens' });
    expect(rolesOf('Ivo Brandt, 52, has confessed to killing Lena Sorrel in 2003.')).toEqual({ doer: 'Ivo Brandt', done: 'Lena Sorrel' });
    expect(rolesOf('A man who attacked a neighbour was jailed.')).toBeNull();
  });

  it('the same act with the two swapped conflicts; the same direction does not', () => {
    expect(rolesSwapped('Lena Sorrel killed Ivo Brandt in 2003.', 'Ivo Brandt, 52, has confessed to killing Lena Sorrel in 2003.')).not.toBeNull();
    expect(rolesSwapped('Ivo Brandt killed Lena Sorrel.', 'Lena Sorrel was killed by Ivo Brandt.')).toBeNull();
    const c = compareClaims('The wardens attacked a poacher near the lake.', 'Two wardens were attacked by a poacher near the lake on Sunday.', entities);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('poacher');
    // hedged on one side: no conflict, and never the same fact
    expect(compareClaims('The wardens may have attacked a poacher near the lake.', 'Two wardens were attacked by a poacher near the lake.', entities).verdict).toBe('related');
  });
});

// The same rules through the pipeline bench:rte runs, in the RTE format (pairs of our own writing).
const XML = `<entailment-corpus>
  <pair id="1" entailment="UNKNOWN" task="IE">
    <t>Oren and Mara Quint opened a bakery in Eastmere last spring. It sells rye bread.</t>
    <h>Mara Quint is Oren Quint's sister.</h>
  </pair>
  <pair id="2" entailment="CONTRADICTION" task="IE">
    <t>Ivo Brandt, 52, a former ferry captain, has confessed to killing Lena Sorrel in 2003. He was arrested in Westby.</t>
    <h>Lena Sorrel killed Ivo Brandt in 2003.</h>
  </pair>
  <pair id="3" entailment="UNKNOWN" task="QA">
    <t>Police in Westby said a storm closed the coast road on Friday. Mara Quint said her bakery stayed open.</t>
    <h>Mara Quint lives in Westby.</h>
  </pair>
  <pair id="4" entailment="ENTAILMENT" task="IE">
    <t>The Halden depot in Westby employs 40 people. It opened in 2019.</t>
    <h>The Halden depot is located in Westby.</h>
  </pair>
</entailment-corpus>`;

describe('RTE-format pairs of our own writing, judged as bench:rte judges them', () => {
  const pairs = parseRte(XML);
  const corpus = compileCorpus(pairs.map((p) => ({ id: p.id, origin: 'user', text: p.t })));
  const ents = entityLookup(new Matcher(corpus.terms));
  const verdict = (k: number) => {
    const index = new EvidenceIndex(ents);
    index.add(corpus.reports[k]!, corpus.index.find((r) => r.reportId === pairs[k]!.id)!.mentions);
    return judgeReports(index, pairs[k]!.h, ents)[0]?.judgement.verdict ?? 'not listed';
  };

  it('reads the four labels', () => {
    expect(pairs.map((p) => p.label)).toEqual(['unknown', 'contradiction', 'unknown', 'entailment']);
  });

  it('names side by side do not corroborate a kinship; names in two sentences do not corroborate a residence', () => {
    expect(verdict(0)).not.toBe('corroborates');
    expect(verdict(2)).not.toBe('corroborates');
  });

  it('a swapped killer and victim conflicts; a place said by apposition corroborates', () => {
    expect(verdict(1)).toBe('conflicts');
    expect(verdict(3)).toBe('corroborates');
  });
});
