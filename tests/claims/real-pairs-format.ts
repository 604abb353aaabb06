/**
 * How the real-text claim pairs (tests/claims/real-pairs.ts) point at FNC-1 sentences without
 * holding their text: body id, sentence index (lib/corpus toReport) and a hash of the sentence, so a
 * change in sentence splitting shows up as a mismatch instead of a silently different pair.
 */
export function sentenceHash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}
