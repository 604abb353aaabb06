/**
 * Is a text English? The claim engine reads English only; on other languages it says so instead
 * of guessing. franc-min (trigram language identification) decides; very short text counts as
 * English when most of its words are English function words.
 */
import { franc, francAll } from 'franc-min';
import { STOP_WORDS, tokenize } from './text';

/** ISO 639-3 code of the text's language, or 'und' when it is too short to tell. */
export function languageOf(text: string): string {
  return franc(text, { minLength: 25 });
}

/** English or too short to tell otherwise; judged on the text's own words. */
export function isEnglish(text: string): boolean {
  const words = tokenize(text);
  const stop = words.filter((w) => STOP_WORDS.has(w)).length;
  // English news sentences are a quarter or more function words; other languages share few of ours.
  if (words.length >= 6 && stop / words.length >= 0.2) return true;
  if (words.length < 4) return true;
  // Short headlines-like sentences confuse trigram models: English when it scores close to the best.
  const scores = francAll(text, { minLength: 10 });
  const eng = scores.find(([code]) => code === 'eng')?.[1] ?? 0;
  return scores[0]![0] === 'und' || eng >= 0.9;
}
