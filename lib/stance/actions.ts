/**
 * What a sentence says was done, as kinds of event (events.ts): "Police arrested two men" is an
 * arrest, "three men were stabbed" an injury, "the council approved a budget" a decision, "rains
 * flooded the road" a flood. Two sentences about the same people, place and day can still tell of
 * two acts; when each names an act and the two share none, neither states the other (no
 * corroboration), and a differing day or figure belongs to another act (no conflict).
 *
 * Only the lexicon's kinds count: real paraphrase changes the verb freely ("tackled the blaze" /
 * "fought the fire", "detected six shots" / "heard six shots"), so a verb outside the lexicon says
 * nothing here. Kinds one event is often told as are one family ("took part in talks" / "held
 * discussions", "a strike killed" / "the attack wounded", "rose" / "fell": a rise told as a fall is
 * a conflict of direction, not another act).
 */
import { SPEECH_KINDS } from './events';
import { stem, tokenize } from '../text';

const FAMILY: Record<string, string> = {
  meet: 'meet', discuss: 'meet', travel: 'meet', call: 'meet',
  kill: 'harm', strike: 'harm', injure: 'harm', injury: 'harm', fire: 'harm', fight: 'harm',
  rise: 'change', fall: 'change', gain: 'change',
  approve: 'decide', vote: 'decide',
  invade: 'take', occupy: 'take', capture: 'take', kidnap: 'take', arrest: 'take',
};
/** Kinds that frame another act rather than tell one ("plans to", "is concerned"). */
const FRAMING = new Set(['hope', 'concern', 'complete', 'enforce']);

/** Words of the lexicon too loose to name an act on their own ("joined the strike", "a phone scam"). */
const LOOSE = new Set(['join', 'joined', 'phone', 'call', 'called', 'cover', 'covered', 'control', 'controls', 'force', 'effect', 'leave', 'ready', 'hit', 'hits']);

/** The acts a sentence tells of, as [family, word]: told by a verb ("arrested", "fell", "walkout"), not by a noun ("agreements"). */
const acts = (events: Map<string, string>) =>
  [...events]
    .filter(([k, word]) => (FAMILY[k] || (!SPEECH_KINDS.has(k) && !FRAMING.has(k))) && !LOOSE.has(word) && verbal(word))
    .map(([k, word]) => [FAMILY[k] ?? k, word] as const);

const families = (events: Map<string, string>) => new Set([...events.keys()].map((k) => FAMILY[k] ?? k));

/** A verb's past form or participle, or an event the lexicon's phrases name ("took part" → participated, "walked off the job" → walkout). */
const verbal = (w: string) => /(?:ed|en)$/.test(w) || IRREGULAR.has(w) || w === 'walkout' || w === 'landfall';
const IRREGULAR = new Set(['met', 'struck', 'fell', 'rose', 'fled', 'shot', 'quit', 'shrank', 'fought', 'won', 'lost', 'led', 'dead']);

/**
 * Two acts that neither sentence tells of the other: [the page's word, the report's word], or null
 * when they share a family of act or either sentence names none.
 */
export function otherActs(a: Map<string, string>, b: Map<string, string>): [string, string] | null {
  const va = acts(a);
  const vb = acts(b);
  if (!va.length || !vb.length) return null;
  // an act of one told by a noun in the other is the same act ("struck … had been hosting a gathering" / "hosted a gathering")
  const fa = families(a);
  const fb = families(b);
  if (va.some(([f]) => fb.has(f)) || vb.some(([g]) => fa.has(g))) return null;
  return [va[0]![1], vb[0]![1]];
}

/**
 * A change told in two directions: "shares rose 5%" / "shares fell 5%" → ['rose', 'fell'], when the
 * page tells only a rise and the report only a fall of what both are about, or the other way round,
 * and the word before each verb (what changed, "shares", "prices") is the same. A sentence that tells
 * both ("rose on Monday after falling on Friday") states no one direction.
 */
export function otherDirection(a: string, b: string, A: Map<string, string>, B: Map<string, string>): [string, string] | null {
  const dir = (E: Map<string, string>) => (E.has('rise') === E.has('fall') ? null : E.has('rise') ? 'rise' : 'fall');
  const da = dir(A);
  const db = dir(B);
  if (!da || !db || da === db) return null;
  const wa = A.get(da)!;
  const wb = B.get(db)!;
  if (!verbal(wa) || !verbal(wb)) return null;
  const before = (text: string, w: string) => tokenize(text.slice(0, text.toLowerCase().indexOf(w))).filter((x) => !ADVERB.test(x)).at(-1);
  const sa = before(a, wa);
  const sb = before(b, wb);
  return sa && sb && stem(sa) === stem(sb) ? [wa, wb] : null;
}
const ADVERB = /^(?:also|sharply|slightly|steadily|further|again|have|has|had|having|been|was|were|is|are|\d.*)$/;
