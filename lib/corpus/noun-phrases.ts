/**
 * compromise's `doc.nouns()` as text, without most of its cost. nouns() splits the document into
 * clauses and then takes the runs of Noun-chunk terms in each clause; the clause split costs most.
 * It changes a noun run only where a clause boundary falls inside one, and the boundaries come
 * from the rules of compromise's clauses() (3-three/chunker/api/clauses.js), each tied to a term
 * or its punctuation. A sentence with no such sign inside a noun run keeps its noun runs whole, so
 * only the other sentences are split into clauses: same phrases, same order.
 */
import type nlp from 'compromise';
import type { Pointer } from 'compromise/misc';

type View = ReturnType<typeof nlp>;
type Term = View['docs'][number][number] & { machine?: string; root?: string; implicit?: string; alias?: string[] };

// clauses() splits around quotations and parentheses (those with a verb and a noun: not checked here)
const OPENS = /[\u0022\uFF02\u0027\u201C\u2018\u201F\u201B\u201E\u2E42\u201A\u00AB\u2039\u2035\u2036\u2037\u301D\u0060\u301F(]/;
const CLOSES = /[\u0022\uFF02\u0027\u201D\u2019\u00BB\u203A\u2032\u2033\u2034\u301E\u00B4)]/;
// … after an ellipsis, semicolon or colon, and after a word with a dash beside it
const ENDS = /[;:]|\.\.|…/;
const DASH = / [-–—]{1,3} /;

const SAID = ['said', 'says'];
const BEFORE = ['said', 'says', 'supposing', 'although', 'whereas', 'whose', 'til', 'until', 'but', 'then'];
/** 'and while', 'now that', 'ever since', 'even (while|if|though)', 'as (though|if)' */
const PAIRS: [string[], string[]][] = [[['and'], ['while']], [['now'], ['that']], [['ever'], ['since']], [['even'], ['while', 'if', 'though']], [['as'], ['though', 'if']]];
const WORDS = new Set([...BEFORE, ...PAIRS.flat(2), 'if']);

/** The forms compromise may match a word against (a superset of its tests), if any is one of WORDS. */
function wordForms(t: Term): string[] | null {
  const forms = [t.normal, t.text, t.machine, t.root, t.implicit, ...(t.alias ?? [])].filter((f): f is string => f !== undefined);
  return forms.some((f) => WORDS.has(f)) ? forms : null;
}

/** Whether a clause boundary may fall between two terms of one noun run in this sentence. */
function mayCut(terms: Term[]): boolean {
  const forms = terms.map(wordForms);
  const is = (k: number, words: string[]) => !!forms[k]?.some((f) => words.includes(f));
  for (let j = 0; j + 1 < terms.length; j++) {
    const [a, b] = [terms[j]!, terms[j + 1]!];
    if (a.chunk !== 'Noun' || b.chunk !== 'Noun') continue;
    // nouns() itself splits after a comma that is not a place's, so a boundary there changes nothing;
    // after a place's comma ('Kyiv, Ukraine') clauses() may split where nouns() would not
    if (a.post.includes(',') && !a.tags?.has('Place')) continue;
    if (a.post.includes(',') || ENDS.test(a.post) || DASH.test(a.post) || DASH.test(a.pre)) return true;
    if (CLOSES.test(a.post) || OPENS.test(b.pre)) return true;
    // '^#Pronoun (said|says)', '(said|says) #ProperNoun$', '#Verb .* [but] .* #Verb', 'if … then', conjunctions
    if (is(j, SAID) || is(j + 1, BEFORE)) return true;
    // two-word conjunctions: the second word may follow a contraction's hidden term
    if (PAIRS.some(([first, second]) => is(j + 1, first) && (is(j + 2, second) || is(j + 3, second)))) return true;
    // '. . if .{4}' splits two words before 'if'
    if (is(j + 3, ['if'])) return true;
  }
  return false;
}

/** The text of each of `doc`'s nouns(), in order. */
export function nounPhrases(doc: View): string[] {
  // (compromise's typings take one pointer where it takes a list, and type views as compromise/one's)
  const view = (pointers: Pointer[]) => doc.update(pointers as unknown as Pointer) as View;
  const cut = doc.docs.map((terms) => mayCut(terms as Term[]));
  const sentences = doc.fullPointer;
  let clauses = sentences.filter((_, n) => !cut[n]);
  if (cut.includes(true)) {
    const split = view(sentences.filter((_, n) => cut[n])).clauses().fullPointer;
    clauses = [...clauses, ...split].sort((p, q) => p[0]! - q[0]! || p[1]! - q[1]!);
  }
  // nouns() asks the document for its clauses: answer with sentences whole or split as above
  const own = Object.assign(doc, { clauses: () => view(clauses) });
  try {
    return own.nouns().out('array') as string[];
  } finally {
    delete (own as { clauses?: unknown }).clauses;
  }
}
