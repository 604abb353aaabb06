/** Names any English news writes after a word that opens a sentence or names a kind (terms32): own sentences, no corpus text. */
import { describe, expect, it } from 'vitest';
import { capitalisedNames } from '../../lib/corpus/extract/names';

const names = (text: string) => capitalisedNames(text, new Map(), new Set()).map((n) => n.name);

describe('names after a word that is no part of them', () => {
  it('a capitalised everyday word after the "The" that opens a sentence is a name ("The Guardian reported")', () => {
    expect(names('It was not confirmed. The Sentinel and the BBC both ran the story on Monday.')).toEqual(expect.arrayContaining(['Sentinel', 'BBC']));
    // (not where the text writes the word in lower case too, nor in a Title Case line)
    expect(names('The Sentinel said so. A sentinel stood at the gate.')).not.toContain('Sentinel');
    expect(names('The Sentinel Stands Watch Over Every Harbour\nShips came in.')).not.toContain('Sentinel');
  });
});
