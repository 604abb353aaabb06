/**
 * What became of a person or a group, for any story: dead ("was killed", "died", "confirmed dead",
 * "all on board were killed") against alive ("was freed", "survived", "one survivor", "rescued
 * alive"). Two sentences that give one person (or the whole of one group) both fates cannot both
 * be true. Pure.
 */
import { NEGATORS } from '../text';

export interface Fate {
  fate: 'dead' | 'alive';
  /** the words that say so */
  text: string;
  /** word index of those words */
  at: number;
}

const DEAD = /^(?:killed|died|dead|slain|executed|beheaded|murdered|perished)$/;
const ALIVE = /^(?:freed|released|rescued|survived|survivors?|alive|escaped|unharmed)$/;

const wordsOf = (text: string) => text.replace(/[’‘]/g, "'").split(/\s+/).map((w) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, ''));

/** The fates a sentence states, each not under a negation ("was not killed", "no survivors" are read as the other fate). */
export function fatesIn(text: string): Fate[] {
  const ws = wordsOf(text);
  const raw = text.split(/\s+/);
  const out: Fate[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    // "RIP" / "R.I.P." after a name mourns a death (in capitals only: "rip" is also a verb)
    const dead = DEAD.test(w) || /^R\.?I\.?P\.?$/.test((raw[i] ?? '').replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '').replace(/\.{2,}$/, ''));
    const alive = ALIVE.test(w);
    if (!dead && !alive) continue;
    // "released a video", "released on Tuesday", "killed 10 militants": released/freed need a person after or a passive before
    if (/^(?:released|freed|rescued)$/.test(w) && !/^(?:was|were|been|being|is|are|be|get|got)$/.test(ws[i - 1] ?? '') && !/^[A-Z]/.test(text.split(/\s+/)[i + 1] ?? '') && !/^(?:the|hostage|journalist|photojournalist|him|her|them)$/.test(ws[i + 1] ?? '')) continue;
    if (/^(?:killed|executed|murdered|beheaded)$/.test(w) && /^\d|^(?:at|more|over|some|about|several|dozens|hundreds|two|three|four|five|six|seven|eight|nine|ten)$/.test(ws[i + 1] ?? '')) continue;
    const negated = ws.slice(Math.max(0, i - 3), i).some((x) => NEGATORS.has(x)) || ws[i - 1] === 'no';
    const fate: Fate['fate'] = dead !== negated ? 'dead' : 'alive';
    const lead = negated ? 2 : /^(?:was|were|been|is|are|confirmed|found|later)$/.test(ws[i - 1] ?? '') ? 1 : 0;
    out.push({ fate, text: ws.slice(Math.max(0, i - lead), i + 1).join(' '), at: i });
  }
  return out;
}

/** Is the fate said of the whole group ("all 12 climbers … dead", "everyone on board")? */
export const ofAll = (text: string) => /\b(?:all|everyone|everybody|none)\b/i.test(text);

/**
 * A person both sentences name, near whom (within a few words) one sentence says dead and the other
 * alive; or the whole of a group dead on one side and a survivor on the other. Returns the two
 * wordings, or null.
 */
export function fatesConflict(a: string, b: string, sharedNames: string[]): { page: string; report: string } | null {
  const fa = fatesIn(a);
  const fb = fatesIn(b);
  if (!fa.length || !fb.length) return null;
  const near = (text: string, f: Fate, name: string) => {
    const ws = wordsOf(text);
    return ws.some((w, i) => w.replace(/'s$/, '') === name && Math.abs(i - f.at) <= 6);
  };
  for (const name of sharedNames) {
    const xa = fa.filter((f) => near(a, f, name));
    const xb = fb.filter((f) => near(b, f, name));
    // each side gives that person one fate only
    if (new Set(xa.map((f) => f.fate)).size !== 1 || new Set(xb.map((f) => f.fate)).size !== 1) continue;
    if (xa[0]!.fate !== xb[0]!.fate) return { page: xa[0]!.text, report: xb[0]!.text };
  }
  // a whole group dead against a survivor of it
  const allDead = (t: string, fs: Fate[]) => ofAll(t) && fs.every((f) => f.fate === 'dead');
  const someAlive = (fs: Fate[]) => fs.some((f) => f.fate === 'alive') && !fs.some((f) => f.fate === 'dead');
  if (allDead(a, fa) && someAlive(fb)) return { page: fa[0]!.text, report: fb[0]!.text };
  if (allDead(b, fb) && someAlive(fa)) return { page: fa[0]!.text, report: fb[0]!.text };
  return null;
}
