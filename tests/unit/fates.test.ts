import { describe, expect, it } from 'vitest';
import { compareClaims } from '../../lib/stance/claims';
import { fatesConflict, fatesIn } from '../../lib/stance/outcomes';

const none = { find: () => [] };

describe('what became of a person or a group (lib/stance/outcomes.ts)', () => {
  it('reads dead and alive, negation turning one into the other', () => {
    expect(fatesIn('The hostage was killed in the raid.').map((f) => f.fate)).toEqual(['dead']);
    expect(fatesIn('There were no survivors.').map((f) => f.fate)).toEqual(['dead']);
    expect(fatesIn('The hostage was not killed.').map((f) => f.fate)).toEqual(['alive']);
    // not a fate: a video released, a count of the killed
    expect(fatesIn('The group released a video on Tuesday.')).toEqual([]);
    expect(fatesIn('The strike killed 10 militants.')).toEqual([]);
  });

  it('one person dead on one side and freed on the other is a conflict that names both words', () => {
    const c = compareClaims('Hostage Anna Berg was killed during the raid on the rebel camp on Saturday.', 'The raid on the rebel camp on Saturday freed hostage Anna Berg, officials said.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('was killed');
    expect(c.reason).toContain('freed');
  });

  it('a whole group dead against a survivor of it', () => {
    expect(fatesConflict('All 12 climbers on the ridge were confirmed dead.', 'One of the 12 climbers on the ridge survived.', [])).not.toBeNull();
    expect(compareClaims('Rescuers said all 12 climbers on the Halton ridge were confirmed dead.', 'One of the 12 climbers on the Halton ridge survived, rescuers said.', none).verdict).toBe('conflicts');
  });

  it('the same fate, or fates of different people, are no conflict', () => {
    expect(fatesConflict('Anna Berg was killed in the raid.', 'The raid freed Tom Ellis.', ['berg'])).toBeNull();
    expect(compareClaims('Hostage Anna Berg was killed in the raid on Saturday.', 'Anna Berg died in the raid on Saturday, officials said.', none).verdict).not.toBe('conflicts');
    // some of a group killed and others rescued: both can be true
    expect(fatesConflict('Six miners were killed in the collapse.', 'Four miners were rescued after the collapse.', [])).toBeNull();
  });
});
