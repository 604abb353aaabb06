import { describe, expect, it } from 'vitest';
import { compareClaims, type EntityLookup } from '../../lib/stance/claims';

const none: EntityLookup = { find: () => [] };
const REPORT = 'A senior cleric in Norland has issued a ruling forbidding children from building sandcastles on its sunny beaches this summer.';
const PAGE = 'Norland cleric issues stern ruling against sandcastles, angering parents';

describe('the same fact in other words, without an event word both name', () => {
  it('most words the same, both plain statements, the same cast: corroborates', () => {
    const c = compareClaims(PAGE, REPORT, none);
    expect(c.sameEvent).toBe(false);
    expect(c.verdict).toBe('corroborates');
    expect(c.reason).toContain('the same in other words');
    // a report naming one more person is still the same fact
    expect(compareClaims(PAGE, REPORT.replace('in Norland', 'in Norland, Ivo Brandt,'), none).verdict).toBe('corroborates');
  });
  it('not when the report negates, hedges or alleges it, nor with another figure: related, and the reason says why', () => {
    for (const report of [REPORT.replace('has issued', 'has not issued'), REPORT.replace('has issued', 'could issue'), REPORT.replace('has issued', 'allegedly issued')]) {
      const c = compareClaims(PAGE, report, none);
      expect(c.verdict).toBe('related');
      expect(c.reason).toBe('Both are about Norland, cleric, issues, but the report does not state it as this sentence does.');
    }
    expect(compareClaims(PAGE.replace('against', 'against 40'), REPORT.replace('building', 'building 12'), none).verdict).toBe('related');
  });
});
