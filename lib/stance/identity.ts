/**
 * Who someone is, as news says it in many ways: "has been named as Mohammed Emwazi", "identified the
 * attacker as Michael Zehaf-Bibeau", "the man is Mohammed Emwazi", "the man's real name is …", "the
 * name of the suspect is …". Two sentences that name the same person so are stating the same fact.
 * Pure.
 */
import { fold } from '../text';

const NAME = String.raw`((?:[A-Z][\w'’.-]*\s?){2,4})`;
const PATTERNS = [
  new RegExp(String.raw`\b(?:named|identified|unmasked|revealed|outed|exposed)\s+(?:(?:him|her|the\s+[a-z]+(?:\s+[a-z]+)?)\s+)?as\s+(?:(?:the|a|an)\s+)?(?:[a-z]+\s+){0,2}?` + NAME, 'g'),
  new RegExp(String.raw`\b(?:[Tt]he|[Aa])\s+(?:[a-z]+\s+)?(?:man|woman|suspect|gunman|attacker|killer|militant|shooter|victim|hostage|jihadist|executioner|assailant|soldier)\s+(?:is|was|has been identified as|was identified as|is believed to be)\s+` + NAME, 'g'),
  new RegExp(String.raw`\b(?:real |full )?name (?:of [^,.;]{0,50}?)?is\s+` + NAME, 'g'),
];

/** Surnames of the people a sentence identifies (the last word of a name of two words or more), folded. */
export function identified(text: string): Set<string> {
  const out = new Set<string>();
  const t = text.replace(/[’‘]/g, "'");
  for (const re of PATTERNS) {
    for (const m of t.matchAll(re)) {
      const words = m[1]!.trim().replace(/[,.;:]+$/, '').split(/\s+/).filter((w) => /^[A-Z]/.test(w));
      if (words.length < 2) continue;
      out.add(fold(words[words.length - 1]!.replace(/'s$/, '')));
    }
  }
  return out;
}

/** The surname both sentences identify someone by, or null. */
export function sameIdentity(a: string, b: string): string | null {
  const ia = identified(a);
  if (!ia.size) return null;
  for (const x of identified(b)) if (ia.has(x)) return x;
  return null;
}
