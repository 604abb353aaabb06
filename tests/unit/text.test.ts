import { describe, expect, it } from 'vitest';
import { contentTokens, fold, splitSentences, splitSentencesWithOffsets, stem, tokenize } from '../../lib/text';

describe('splitSentences', () => {
  it('does not split after U.S. or Mr.', () => {
    expect(splitSentences('U.S. President Donald Trump spoke. Mr. Zelenskyy said it was fine. Then he left.')).toEqual([
      'U.S. President Donald Trump spoke.',
      'Mr. Zelenskyy said it was fine.',
      'Then he left.',
    ]);
  });
  it('keeps a closing quote with its sentence and splits on line breaks', () => {
    expect(splitSentences('“We will fight,” he said. “Next week.”\nHeading\nBody text here.')).toEqual([
      '“We will fight,” he said.',
      '“Next week.”',
      'Heading',
      'Body text here.',
    ]);
  });
  it('returns offsets into the original text', () => {
    const text = '  First one.  Second one! ';
    for (const s of splitSentencesWithOffsets(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('tokens', () => {
  it('folds quotes and diacritics', () => {
    expect(fold('Zelenskyy’s Kyiv—É')).toBe("zelenskyy's kyiv-e");
  });
  it('expands n’t into not and drops possessives', () => {
    expect(tokenize('Kyiv didn’t confirm Zelenskyy’s plan')).toEqual(['kyiv', 'did', 'not', 'confirm', 'zelenskyy', 'plan']);
  });
  it('stems inflections to one key', () => {
    expect(stem('guarantees')).toBe(stem('guarantee'));
    expect(stem('meeting')).toBe(stem('meet'));
    expect(contentTokens('The security guarantees were discussed')).toEqual(['security', 'guarante', 'discuss']);
  });
});

describe('sentences around initials', () => {
  it('does not split after initials before a name, but does before a sentence\'s first word', () => {
    expect(splitSentences('He works at the D.A. Davidson brokerage. It grew.')).toEqual(['He works at the D.A. Davidson brokerage.', 'It grew.']);
    expect(splitSentences('She lives in Washington, D.C. The mayor called.')).toEqual(['She lives in Washington, D.C.', 'The mayor called.']);
  });
});
