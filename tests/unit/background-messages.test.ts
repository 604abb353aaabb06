/** The background's composed messages come from locales/en.yml: every one is found, filled in and reads as before. */
import { describe, expect, it } from 'vitest';
import { STORAGE_MESSAGES } from '../../lib/background/storage-errors';
import { nearDuplicateMessage, STORE_MESSAGES } from '../../lib/background/store';
import { parseNewReport, SCHEMA_MESSAGES } from '../../lib/corpus/schema';

const problem = (input: unknown) => {
  try {
    parseNewReport(input);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('background messages', () => {
  it('every message is in the catalogue, with its substitutions filled', () => {
    const all = [
      STORAGE_MESSAGES.quota,
      STORAGE_MESSAGES.missing,
      STORAGE_MESSAGES.broken,
      STORE_MESSAGES.duplicate,
      STORE_MESSAGES.duplicateUrl,
      STORE_MESSAGES.gone('edited'),
      STORE_MESSAGES.gone('deleted'),
      STORE_MESSAGES.notYours('edited'),
      STORE_MESSAGES.notYours('deleted'),
      STORE_MESSAGES.importNotList,
      STORE_MESSAGES.importTooMany(60_000),
      STORE_MESSAGES.importAt(3, 'x'),
      SCHEMA_MESSAGES.urlScheme,
      SCHEMA_MESSAGES.tooShort,
      SCHEMA_MESSAGES.invalid,
      SCHEMA_MESSAGES.tooLong('title', 500),
      nearDuplicateMessage({ title: null, sentences: ['Allies met in Kyiv on Saturday.'] } as never),
    ];
    for (const m of all) {
      expect(m.length, m).toBeGreaterThan(5);
      expect(m).not.toMatch(/\$\d/);
    }
    expect(STORE_MESSAGES.importTooMany(60_000)).toBe('An import may hold at most 50,000 reports; this one has 60,000.');
    expect(STORE_MESSAGES.gone('deleted')).toBe('That report is no longer in your corpus, so it cannot be deleted.');
  });

  it('validation names the field and the problem', () => {
    expect(problem({ text: '<b>Allies</b> met in Kyiv on Saturday to talk.' })).toBe('The report text must be plain text, not HTML or script');
    expect(problem({ text: 'Allies met in Kyiv on Saturday to talk.', title: 'x'.repeat(501) })).toBe('The title is longer than 500 characters');
    expect(problem({ text: 'Allies met in Kyiv on Saturday to talk.', url: 'ftp://example.com/a' })).toBe('The URL must start with http:// or https://');
    expect(problem({ text: 'Too short.' })).toBe('A report needs some text (at least a sentence).');
    expect(problem({ text: 'Allies met in Kyiv on Saturday to talk.', source: 7 })).toBe('The source must be text');
  });
});
