/**
 * Who did it to whom: the doer and the one done to of a killing or an attack, read from the plain
 * patterns a news sentence uses ("A killed B", "B was killed by A", "B were bludgeoned to death by A",
 * "A has confessed to killing B"). Two sentences that give the same act with the two swapped
 * ("The guard killed the intruder" / "The guard was killed by the intruder") cannot both be true
 * of one act: a conflict (claims.ts). Any other wording gives no roles, and then nothing is said.
 */
import { STOP_WORDS, stem, tokenize } from '../text';

/** Acts of harm whose doer and whom it is done to are two sides (one kind: "killed" / "bludgeoned to death"). */
const ACT = '(?:kill|murder|assassinat|slay|slain|slew|stab|shot|shoot|bludgeon|strangl|beat|beaten|attack|assault|kidnap|abduct)[a-z]*';
const BE = '(?:was|were|is|are|has been|have been|had been|been|being)';
const PHRASE = "[A-Za-zÀ-ÿ0-9'’. -]+?";

export interface Roles {
  doer: string;
  done: string;
}

/** Words of a side that name it: content words, no figure ("6-year-old JonBenét Ramsey" → jonbenet, ramsey). */
function side(text: string): Set<string> {
  return new Set(tokenize(text).filter((t) => !STOP_WORDS.has(t) && !/^\d/.test(t) && !['year', 'old', 'tenant', 'former'].includes(t)).map(stem));
}

/** The two sides of the sentence's first act of harm, or null when no plain pattern gives them. */
export function rolesOf(sentence: string): Roles | null {
  const s = sentence.replace(/,\s*\d+,/g, ',');
  const END = '(?=[,.;]|\\s+(?:in|on|at|near|outside|inside|with|from|for|over|when|after|before|during|as|last|this|yesterday)\\b|$)';
  // "B was killed by A", "B were bludgeoned to death by A"
  let m = s.match(new RegExp(`(?:^|[,;]\\s*|\\b(?:the|a|an)\\s+)(${PHRASE})\\s+${BE}\\s+(?:\\w+ly\\s+)?${ACT}(?:\\s+to\\s+death)?\\s+by\\s+(${PHRASE})${END}`, 'i'));
  if (m) return { doer: m[2]!, done: m[1]! };
  // "A has confessed to killing B", "A is accused of murdering B": the doer is the sentence's subject
  m = s.match(new RegExp(`^(${PHRASE})(?:,[^,]*,|,)?\\s+(?:has |have |had |was |is )?(?:confessed|admitted|accused|charged|convicted)\\s+(?:to|of|with)\\s+${ACT}ing\\s+(${PHRASE})${END}`, 'i'));
  if (m) return { doer: m[1]!, done: m[2]! };
  // "A killed B" (not "B was killed", not "who killed")
  m = s.match(new RegExp(`(?:^|[,;]\\s*|\\b(?:the|a|an)\\s+)(${PHRASE})\\s+(?:has\\s+|have\\s+|had\\s+)?(?:\\w+ly\\s+)?(?!being\\b|been\\b)${ACT}(?:ed)?\\s+(${PHRASE})${END}`, 'i'));
  if (m && !/\b(?:was|were|is|are|been|being|who|which|that)$/i.test(m[1]!.trim())) return { doer: m[1]!, done: m[2]! };
  return null;
}

const meet = (x: Set<string>, y: Set<string>) => [...x].some((w) => y.has(w));

/**
 * The same act with doer and done-to swapped between the two sentences: the page's words for both
 * sides and the report's, or null.
 */
export function rolesSwapped(a: string, b: string): { page: string; report: string } | null {
  const ra = rolesOf(a);
  const rb = rolesOf(b);
  if (!ra || !rb) return null;
  const [da, na, db, nb] = [side(ra.doer), side(ra.done), side(rb.doer), side(rb.done)];
  if (!da.size || !na.size || !db.size || !nb.size) return null;
  if (!meet(da, nb) || !meet(na, db) || meet(da, db) || meet(na, nb)) return null;
  const say = (r: Roles) => `${r.doer.trim()} → ${r.done.trim()}`;
  return { page: say(ra), report: say(rb) };
}
