import { describe, expect, it } from 'vitest';
import { generalWord } from '../../scripts/subtlex';

describe('SUBTLEX-US entries as general English words (scripts/subtlex.ts)', () => {
  it('keeps everyday words the list writes capitalised, in lower case', () => {
    expect(['What', 'Come', 'Well', 'Listen', 'Captain'].map(generalWord)).toEqual(['what', 'come', 'well', 'listen', 'captain']);
    expect(generalWord('house')).toBe('house');
  });
  it('drops names and pieces of words', () => {
    expect(['John', 'London', 'Smith', 'French', "don't", 'I'].map(generalWord)).toEqual([null, null, null, null, null, null]);
  });
});
