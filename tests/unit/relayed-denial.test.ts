import { describe, expect, it } from 'vitest';
import { compareClaims } from '../../lib/stance/claims';

// a dictionary that knows one person, as a reader's corpus would
const quint = { find: (t: string) => { const i = t.indexOf('Mara Quint'); return i < 0 ? [] : [{ id: 'mara-quint', kind: 'person' as const, text: 'Mara Quint', start: i }]; } };
const verdict = (a: string, b: string) => compareClaims(a, b, quint).verdict;

describe('a page that asks, relays or purports a claim states no polarity for a denial to contradict (rumour stories)', () => {
  it('a question, "sources are reporting that …" or "purporting to show" against a flat denial is related', () => {
    expect(verdict('Is the singer Mara Quint dead after the concert crash?', 'The singer Mara Quint is not dead after the concert crash.')).toBe('related');
    expect(verdict('Sources are reporting that the singer Mara Quint has been found dead at the age of 34.', 'The singer Mara Quint is not dead.')).toBe('related');
    expect(verdict('A video purporting to show that the singer Mara Quint was blurred on the station.', 'The station did not show a blurred Mara Quint.')).toBe('related');
  });
  it('a page stating it plainly still conflicts with the denial, naming both words', () => {
    const c = compareClaims('The station blurred the singer Mara Quint in its footage.', 'The station did not blur the singer Mara Quint in its footage.', quint);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('not blur');
  });
});
