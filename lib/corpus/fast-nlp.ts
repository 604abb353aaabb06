/**
 * compromise with three of its internals replaced by faster equivalents: every match and tag comes
 * out the same, in the same order. (1) Match patterns are parsed once, not on every `.match()`.
 * (2) A match skips sentences where a token it cannot do without matches no term. (3) The tagger's
 * rule sweep finds each sentence's candidate rules from the sentence's own words and tags instead
 * of testing all ~700 rule hooks. Extraction spends nearly all its time inside compromise, most
 * of it in the tagger. compromise's world is a singleton: every importer in the same context
 * (lib/stance too) gets these once this module is loaded.
 */
import nlp from 'compromise';

/** A parsed match token; only the fields this file reads are typed. */
interface Reg {
  word?: string;
  tag?: string;
  fastOr?: Set<string>;
  pos?: string;
  optional?: boolean;
  negative?: boolean;
  [field: string]: unknown;
}
/** One post-tagger rule of a compiled net (see compromise's buildNet). */
interface Rule {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
  [field: string]: unknown;
}
interface Net {
  hooks: Record<string, Rule[]>;
  always: Rule[];
}
/** The term fields compromise's doesMatch reads for words, tags and (a|b) lists. */
interface Term {
  text: string;
  normal: string;
  machine?: string | null;
  root?: string;
  implicit?: string;
  alias?: string[];
  tags: Set<string>;
}
interface Found {
  ptrs: number[][];
}
interface Todo {
  regs?: Reg[];
  [field: string]: unknown;
}
interface Methods {
  one: {
    parseMatch(str: unknown, opts: unknown, world: unknown): Reg[];
    cacheDoc(document: Term[][]): Set<string>[];
    match(docs: Term[][], todo: Todo, cache?: unknown): Found;
    bulkMatch(document: Term[][], net: Net, methods: Methods, opts?: { matchOne?: boolean }): unknown[];
  };
}

const { methods } = nlp.world() as { methods: Methods };

/** compromise's own versions of what this module replaces, so a test can compare the two. */
export const compromiseOwn = { parseMatch: methods.one.parseMatch, match: methods.one.match, bulkMatch: methods.one.bulkMatch };

// Every `.match('…')` (ours and the many inside nouns(), clauses(), people() …) parses its pattern
// again. Parsed tokens are kept per pattern and options; each call gets its own copy of the
// tokens, because growLeft/growRight set `end`/`start` on the tokens they are given.
const parseMatch = compromiseOwn.parseMatch;
const parsed = new Map<string, Reg[]>();
methods.one.parseMatch = (str, opts, world) => {
  if (typeof str !== 'string') return parseMatch(str, opts, world);
  const key = opts && Object.keys(opts).length ? `${str}\u0000${JSON.stringify(opts)}` : str;
  let regs = parsed.get(key);
  if (!regs) {
    if (parsed.size >= 5_000) parsed.clear(); // patterns built from text must not grow it without end
    parsed.set(key, (regs = parseMatch(str, opts, world)));
  }
  return regs.map((r) => ({ ...r }));
};

/** Token fields under which doesMatch tests something other than the word, tag or (a|b) list. */
const OTHER_TESTS = ['anything', 'id', 'use', 'fuzzy', 'method', 'pre', 'post', 'regex', 'chunk', 'switch', 'machine', 'sense', 'choices', 'root'];

/**
 * Tests a term must pass for each plain word, #Tag or (a|b) token no match can do without (not
 * optional, not negated), written as compromise's doesMatch decides them, minus ^/$ positions.
 */
function requiredTests(regs: Reg[]): ((t: Term) => boolean)[] {
  const tests: ((t: Term) => boolean)[] = [];
  for (const reg of regs) {
    if (reg.optional === true || reg.negative === true || OTHER_TESTS.some((f) => reg[f] !== undefined)) continue;
    const { word, tag, fastOr, pos } = reg;
    if (word !== undefined) tests.push((t) => (t.machine !== null && t.machine === word) || !!t.alias?.includes(word) || t.text === word || t.normal === word);
    else if (tag !== undefined) tests.push((t) => t.tags.has(tag));
    else if (fastOr !== undefined) tests.push((t) => (!pos || t.tags.has(pos)) && (fastOr.has(t.root || t.implicit || t.machine || t.normal) || fastOr.has(t.text)));
  }
  return tests;
}

// A match tries every start position of every sentence, copying the rest of the sentence each
// time; nouns() alone runs a dozen matches for rare words ('and while', 'ever since') over the
// whole text. A sentence where some required token matches no term cannot match: it is handed
// to compromise as an empty sentence (same indexes, nothing to find).
const match = compromiseOwn.match;
methods.one.match = (docs, todo, cache) => {
  const tests = todo.regs?.length ? requiredTests(todo.regs) : [];
  if (!tests.length) return match(docs, todo, cache);
  let pruned: Term[][] | null = null;
  docs.forEach((terms, n) => {
    if (!tests.every((test) => terms.some(test))) (pruned ??= [...docs])[n] = [];
  });
  return match(pruned ?? docs, todo, cache);
};

/** A net's rules with their hook keys as numbers (rank in the hooks' key order), for bulkMatch. */
interface Index {
  rank: Map<string, number>;
  rules: Rule[];
  /** per hook rank: the rules looked at when a sentence has that key (each rule under one need, or under every want) */
  triggers: number[][];
  needs: number[][];
  wants: number[][];
  /** per rule, where compromise's walk meets it under each of its hooks: hook rank × 2^16 + place in that hook */
  places: number[][];
}

const indexes = new WeakMap<Net, Index | null>();

/** The net's index, or null when two rules share a pattern (compromise then keeps only the first it meets). */
function indexOf(net: Net): Index | null {
  if (indexes.has(net)) return indexes.get(net)!;
  const keys = Object.keys(net.hooks);
  const rank = new Map(keys.map((k, i) => [k, i]));
  const rules: Rule[] = [];
  const ids = new Map<Rule, number>();
  const places: number[][] = [];
  keys.forEach((key, r) =>
    net.hooks[key]!.forEach((rule, at) => {
      let id = ids.get(rule);
      if (id === undefined) {
        ids.set(rule, (id = rules.push(rule) - 1));
        places.push([]);
      }
      places[id]!.push(r * 65536 + at);
    }),
  );
  const unique = new Set(rules.map((rule) => rule.match)).size === rules.length;
  const triggers: number[][] = keys.map(() => []);
  rules.forEach((rule, id) => {
    // All needs must be present, so any one will do: a word is rarer than a tag.
    if (rule.needs.length) triggers[rank.get(rule.needs.find((k) => !k.startsWith('#')) ?? rule.needs[0]!)!]!.push(id);
    else for (const want of rule.wants) triggers[rank.get(want)!]!.push(id);
  });
  const ranks = (list: string[]) => list.map((k) => rank.get(k)!);
  const index = unique ? { rank, rules, triggers, needs: rules.map((r) => ranks(r.needs)), wants: rules.map((r) => ranks(r.wants)), places } : null;
  indexes.set(net, index);
  return index;
}

const bulkMatch = compromiseOwn.bulkMatch;

/**
 * compromise's sweep (bulkMatch), same rules in the same order: per sentence, the rules filed under
 * any of its words and tags (each once, in hook-key order) whose needs, ifNo, wants and length the
 * sentence meets, then the rules that always run; each is matched and its hits returned in turn.
 * compromise walks all ~700 hook keys per sentence for this; the index walks the sentence's own.
 */
methods.one.bulkMatch = (document, net, m, opts = {}) => {
  const index = indexOf(net);
  if (!index) return bulkMatch(document, net, m, opts);
  const caches = m.one.cacheDoc(document);
  const present = new Uint8Array(index.triggers.length);
  const seen = new Uint32Array(index.rules.length);
  const results: (Rule & { pointer: number[] })[] = [];
  for (let n = 0; n < document.length; n++) {
    const haves = caches[n]!;
    const words = document[n]!.length;
    const has: number[] = [];
    for (const item of haves) {
      const r = index.rank.get(item);
      if (r !== undefined) has.push(r);
    }
    for (const r of has) present[r] = 1;
    const found: [place: number, rule: Rule][] = [];
    for (const r of has) {
      for (const id of index.triggers[r]!) {
        if (seen[id] === n + 1) continue;
        seen[id] = n + 1;
        const rule = index.rules[id]!;
        if (!index.needs[id]!.every((k) => present[k])) continue;
        if (rule.ifNo !== undefined && rule.ifNo.some((no) => haves.has(no))) continue;
        if (rule.wants.length && index.wants[id]!.filter((k) => present[k]).length < rule.minWant) continue;
        if (!(words >= rule.minWords)) continue;
        let first = Infinity;
        for (const place of index.places[id]!) if (present[place >>> 16] && place < first) first = place;
        found.push([first, rule]);
      }
    }
    for (const r of has) present[r] = 0;
    found.sort((a, b) => a[0] - b[0]);
    const todo = found.map(([, rule]) => rule);
    for (const rule of net.always) if (words >= rule.minWords) todo.push(rule);
    for (const rule of todo) {
      // the rule's needs are in this sentence already: no pre-check (compromise's own match)
      const res = match([document[n]!], rule);
      if (!res.ptrs.length) continue;
      for (const ptr of res.ptrs) {
        ptr[0] = n;
        results.push({ ...rule, pointer: ptr });
      }
      if (opts.matchOne === true) return [results[0]];
    }
  }
  return results;
};

export default nlp;
