/** The content build's English word list, loaded from the background: the matcher behaves as with the bundled list once it is in. */
import { describe, expect, it, vi } from 'vitest';
import { Matcher, tokenKey } from '../../lib/match';
import { isEnglishWord, wordKind } from '../../lib/match/words';
import { ENGLISH_WORDS as LOADED, loadEnglishWords } from '../../lib/page/english-words';
import { seedCorpusCompiled } from './corpus-fixture';

// What wxt.config.ts does for the content script: the list module is the one filled at run time.
vi.mock('../../lib/match/english-words', () => import('../../lib/page/english-words'));

const { ENGLISH_WORDS } = await vi.importActual<typeof import('../../lib/match/english-words')>('../../lib/match/english-words');
const found = (m: Matcher, text: string) => m.find(text).map((x) => [x.text, x.termId, x.how]);

describe('English word list from the background', () => {
  it('is empty until loaded, then read exactly as the bundled one, fetched once', async () => {
    expect(LOADED).toBe('');
    expect(isEnglishWord(tokenKey('Americans'))).toBe(false);
    const fetch = vi.fn().mockRejectedValueOnce(new Error('worker asleep')).mockResolvedValue(ENGLISH_WORDS);
    await expect(loadEnglishWords(fetch)).rejects.toThrow('worker asleep');
    await Promise.all([loadEnglishWords(fetch), loadEnglishWords(fetch)]);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(LOADED).toBe(ENGLISH_WORDS);
    expect(isEnglishWord(tokenKey('Americans'))).toBe(true);
    expect(isEnglishWord(tokenKey('Witkof'))).toBe(false);
    expect(['latin', 'watch', 'witkof'].map(wordKind)).toEqual(['proper', 'common', null]);

    const matcher = new Matcher(seedCorpusCompiled().terms);
    expect(found(matcher, 'envoy Witkof said')).toEqual([['Witkof', 'steve-witkoff', 'fuzzy']]);
    expect(found(matcher, 'Americans and African-American voters, American officials and the Americas.')).toEqual([]);
    expect(found(matcher, 'Latin America and North America trade. Agence France-Presse said so.')).toEqual([]);
  });
});
