/**
 * Existence: one sentence says that a named person, place or company does not exist ("Police Chief
 * Lyndon Edwards doesn't exist", "The farm, 'Elm Valley Farm', never existed", "The historian, Ada
 * Brenner, is not real") and the other names it as a real doer or thing ("Police Chief Lyndon Edwards
 * held a press conference"). Both cannot be true: a conflict, naming the name and the denial. Pure.
 *
 * Kept tight: the name is two or more capitalised words standing right before the denial (quotes,
 * dashes and an apposition's commas between); the denial is not hedged ("may not exist", "apparently
 * isn't real") nor asked; the other sentence names the same last two words of it, neither denies its
 * existence nor calls anything untrue of its own, and is no question.
 */

/** "does not exist", "doesn't exist", "never existed", "is not real", "isn't real". */
const DENIED = /\b(?:(?:does|did|do)(?:\s+not|n['’]t)\s+(?:actually\s+|even\s+|really\s+)?exist|never\s+(?:actually\s+|even\s+|really\s+)?existed|(?:is|was|are|were)(?:\s+not|n['’]t)\s+(?:a\s+)?real)\b/i;

/** Words by which the other side says the story, or the name in it, is invented. */
const INVENTED = /\b(?:hoax\w*|fake[ds]?|false(?:ly)?|untrue|satir\w*|made[- ]up|fictional|fictitious|invented|bogus|phony|fabricated)\b/i;

/** A hedge just before the denial: "may not exist", "apparently isn't real", "seems". */
const HEDGED_BEFORE = /\b(?:may|might|could|possibly|perhaps|reportedly|allegedly|apparently|seems?|seemed|appears?|appeared|likely|probably|if|whether)\s+(?:\S+\s+){0,2}$/i;

/** A name: two or more capitalised words (a short lower-case joiner between: "of", "de"). */
const NAME = /(?:[A-Z][\p{L}'’.-]*(?:\s+(?:of|de|da|van|von|al|bin))?\s+)+[A-Z][\p{L}'’-]*/gu;

/** The name a denial of existence is about, in `x`: the last name before it, with only quotes, dashes, commas or "the" between. */
function deniedName(x: string): { name: string; denial: string } | null {
  const m = x.match(DENIED);
  if (!m) return null;
  const before = x.slice(0, m.index!);
  if (HEDGED_BEFORE.test(before) || /\?\s*["'”’]?\s*$/.test(x)) return null;
  let last: RegExpMatchArray | null = null;
  for (const n of before.matchAll(NAME)) last = n;
  if (!last) return null;
  const gap = before.slice(last.index! + last[0].length);
  if (!/^[\s"'“”‘’,–—-]*$/.test(gap)) return null;
  return { name: last[0].trim(), denial: m[0] };
}

/** The last two words of a name: the part another sentence names it by ("Police Chief Lyndon Edwards" → "Lyndon Edwards"). */
const core = (name: string) => name.split(/\s+/).slice(-2).join(' ');

/**
 * Does one of two sentences deny that something the other names exists? Returns the page's and the
 * report's words (the name where a side states it, the denial where a side denies it), or null.
 */
export function existenceConflict(a: string, b: string): { page: string; report: string } | null {
  for (const [x, y, pageDenies] of [[a, b, true], [b, a, false]] as const) {
    const d = deniedName(x);
    if (!d) continue;
    const name = core(d.name);
    if (name.split(/\s+/).length < 2 || !y.includes(name)) continue;
    // the other side states it: no denial of its own, nothing called untrue or invented, no question
    if (DENIED.test(y) || INVENTED.test(y) || /\?\s*["'”’]?\s*$/.test(y)) continue;
    const denial = `${d.name} ${d.denial}`;
    return pageDenies ? { page: denial, report: name } : { page: name, report: denial };
  }
  return null;
}
