import { describe, expect, it } from 'vitest';
import { compareClaims } from '../../lib/stance/claims';
import { identified, sameIdentity } from '../../lib/stance/identity';

const none = { find: () => [] };

describe('who someone is (lib/stance/identity.ts)', () => {
  it('reads the ways news names a person', () => {
    expect([...identified('The arsonist has been named as Peter Lang from Halton, according to reports.')]).toEqual(['lang']);
    expect([...identified('Police identified the driver as Halton-born Peter Lang, 41.')]).toEqual(['lang']);
    expect([...identified('The man is Peter Lang, a builder from Halton.')]).toEqual(['lang']);
    expect([...identified("The driver's real name is Peter Lang.")]).toEqual(['lang']);
    expect([...identified('Officials said the name of the dead driver is Peter Lang.')]).toEqual(['lang']);
    // not a person named: a post, a single word
    expect([...identified('He was named as the new coach of Halton United.')]).toEqual([]);
    expect([...identified('The man is Peter.')]).toEqual([]);
  });

  it('the same person named two ways corroborates, naming him; different people do not', () => {
    const c = compareClaims('The arsonist dubbed the Halton firebug has been named as Peter Lang, according to reports.', 'The man is Peter Lang, a builder from Halton who was known to police.', none);
    expect(c.verdict).toBe('corroborates');
    expect(c.reason).toContain('Peter Lang');
    expect(sameIdentity('The arsonist has been named as Peter Lang.', 'The man is Tom Ellis.')).toBeNull();
    expect(compareClaims('The arsonist has been named as Peter Lang.', 'Police denied that the man is Peter Lang.', none).verdict).not.toBe('corroborates');
  });
});

describe('a shared figure under another mood (lib/stance/claims.ts)', () => {
  it('“no agency confirms … at least 10” and “claims … at least ten” are not the same fact', () => {
    const c = compareClaims('No government agency confirms anything close to the idea that at least 10 fighters were nabbed at the Halton border.', 'The senator claims that at least ten fighters have been caught coming across into Halton, in an interview on Tuesday.', none);
    expect(c.verdict).not.toBe('corroborates');
    expect(compareClaims('Officials say at least 10 fighters have been caught crossing the Halton border.', 'At least ten fighters have been caught crossing the Halton border, officials say.', none).verdict).toBe('corroborates');
  });
});
