import { describe, expect, it } from 'vitest';
import { compareClaims, type EntityLookup } from '../../lib/stance/claims';
import { existenceConflict } from '../../lib/stance/existence';

const none: EntityLookup = { find: () => [] };

describe('existence (lib/stance/existence.ts): a name one side states, the other says does not exist', () => {
  it('the report says the named person is not real, or the farm does not exist: conflicts, naming both', () => {
    const c = compareClaims('Archivist Ada Brenner was hired by the museum in 2011 to sort some 4,000 old letters found in the basement.', 'The supposed archivist who found the lost letter, Ada Brenner, is not real.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.parts?.report).toContain('is not real');
    const farm = compareClaims('Elm Valley Poultry Farm, the largest egg producer in the state, was ordered to destroy 90,000 hens.', 'The farm—"Elm Valley Poultry Farm"—doesn\'t exist anywhere in the state, a fact-checking site found.', none);
    expect(farm.verdict).toBe('conflicts');
    expect(farm.reason).toContain('doesn\'t exist');
  });
  it('the page denies, the report states: conflicts the other way round', () => {
    expect(existenceConflict('- Harbour Police Chief Owen Marsh doesn\'t exist.', 'Harbour Police Chief Owen Marsh told a press conference the painter had been caught.')).toEqual({ page: 'Harbour Police Chief Owen Marsh doesn\'t exist', report: 'Owen Marsh' });
  });
  it('kept tight: a hedged denial, a denial of something unnamed, the other side calling it invented too, another name', () => {
    expect(existenceConflict('Archivist Ada Brenner sorted the letters.', 'Ada Brenner may not exist, the museum said.')).toBeNull();
    expect(existenceConflict('Archivist Ada Brenner sorted the letters.', 'The threat she described does not exist.')).toBeNull();
    expect(existenceConflict('A fake article quoted archivist Ada Brenner.', 'Ada Brenner is not real.')).toBeNull();
    expect(existenceConflict('Archivist Ada Brenner sorted the letters.', 'Tom Reyes, the other archivist, is not real.')).toBeNull();
    expect(existenceConflict('Did archivist Ada Brenner sort the letters?', 'Ada Brenner is not real.')).toBeNull();
  });
});

describe('figures: a ceiling in the report, hearsay, a prospect (claims34)', () => {
  it('"20 cats were found" / "up to 20 cats were found": the report does not say 20, no corroboration; a price "up to $900" still names the price', () => {
    expect(compareClaims('Officers said 20 stray cats were found at the farm.', 'Up to twenty stray cats were found at the farm, officers said.', none).verdict).not.toBe('corroborates');
    expect(compareClaims('The top model will cost $900, the blog says.', 'The top model will sell for up to $900, the blog says.', none).verdict).toBe('corroborates');
  });
  it('"$2,000" is a sum, not the year 2000; a report that rounds the page\'s figure does not give it, a page that rounds the report\'s does', () => {
    expect(compareClaims('The driver was given a $2,084 tip for one pizza.', 'The driver was given a $2,000 tip for one pizza.', none).verdict).toBe('related');
    expect(compareClaims('The driver was given a $2,000 tip for one pizza.', 'The driver was given a $2,084 tip for one pizza.', none).verdict).toBe('corroborates');
    expect(compareClaims('The driver was given a $2,000 tip for one pizza.', 'The driver was given a $5,000 tip for one pizza.', none).verdict).toBe('conflicts');
  });
  it('a figure given as hearsay ("had reportedly won $2,000") against another figure: related, not a conflict', () => {
    expect(compareClaims('The banker had reportedly won $2,000 at poker that night.', 'The banker won $9,000 at poker that night, his spokesman said.', none).verdict).toBe('related');
    // (the hearsay word must stand by the figure: the age below is the writer's own)
    expect(compareClaims('The driver, Ken Ames, 23, was reportedly born in Leeds, police said.', 'The driver, Ken Ames, 32, crashed into the wall, police said.', none).verdict).toBe('conflicts');
  });
  it('"in talks to play" is a prospect: a later "will not play" is no conflict', () => {
    expect(compareClaims('The actor Lena Ortiz is in talks to play the queen in the new film.', 'The actor Lena Ortiz will not play the queen in the new film.', none).verdict).toBe('related');
  });
});
