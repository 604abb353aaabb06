/**
 * The held-apart part of the FNC-1 training data for bench:fnc and the real-text claim pairs: the
 * bodies whose id hashes into the last fifth. Fixed (no seed), so every run and every helper agree;
 * develop on the rest, report figures on this part.
 */
export function heldApart(bodyId: string): boolean {
  let h = 2166136261;
  for (const ch of bodyId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h % 5 === 4;
}
