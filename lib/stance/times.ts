/**
 * Times of day as facts, for any story: "1:38 pm", "11:05 p.m.", "18:18 GMT", "around 11 p.m.",
 * "noon", "midnight". A time has minutes since midnight, the zone it is given in (if any) and how
 * precise it is; two times agree when they are within what the less precise one allows. Pure.
 */

export interface TimeOfDay {
  /** minutes since midnight */
  minutes: number;
  /** "gmt" (UTC, GMT, Z), another named zone ("et", "tucson"), or "" when none is named */
  zone: string;
  /** minutes either side the wording allows: 0 for "1:38 pm", more for "11 p.m.", "around 11:05 p.m." */
  slack: number;
  text: string;
}

const ZONES: Record<string, string> = { gmt: 'gmt', utc: 'gmt', z: 'gmt', bst: 'bst', et: 'et', est: 'et', edt: 'et', pt: 'pt', pst: 'pt', pdt: 'pt', ct: 'ct', cst: 'ct', cdt: 'ct', cet: 'cet', cest: 'cet', aest: 'aest', ist: 'ist' };
const ZONE_AFTER = /^\s*(?:\(?\s*)?(GMT|UTC|BST|ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|CET|CEST|AEST|IST)\b|^\s*(local) time\b|^\s*([A-Z][a-z]+) time\b/;
const APPROX_BEFORE = /\b(?:about|around|roughly|approximately|shortly (?:before|after)|just (?:before|after)|some time (?:before|after)|soon after|before|after|by|until)\s+$/i;

function zoneOf(after: string): string {
  const z = after.match(ZONE_AFTER);
  if (!z) return '';
  if (z[1]) return ZONES[z[1].toLowerCase()] ?? z[1].toLowerCase();
  return z[2] ? 'local' : z[3]!.toLowerCase();
}

/** The times of day a sentence gives. */
export function timesOfDay(text: string): TimeOfDay[] {
  const out: TimeOfDay[] = [];
  const taken: [number, number][] = [];
  const add = (at: number, len: number, minutes: number, precise: boolean) => {
    if (taken.some(([s, e]) => at < e && s < at + len)) return;
    taken.push([at, at + len]);
    const before = text.slice(Math.max(0, at - 30), at);
    const approx = APPROX_BEFORE.test(before);
    // "before 11 pm" or "by noon" bound a time rather than give it: wide slack
    const bounded = /\b(?:before|after|by|until)\s+$/i.test(before) && !/\b(?:just|shortly) (?:before|after)\s+$/i.test(before);
    const slack = bounded ? 720 : (precise ? 0 : 30) + (approx ? 20 : 0);
    out.push({ minutes: ((minutes % 1440) + 1440) % 1440, zone: zoneOf(text.slice(at + len, at + len + 20)), slack, text: text.slice(at, at + len).trim() });
  };
  // 12-hour clock: "1:38 pm", "11 p.m.", "4.18am"
  for (const m of text.matchAll(/\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?/gi)) {
    const h = Number(m[1]);
    const min = m[2] ? Number(m[2]) : 0;
    if (h < 1 || h > 12 || min > 59) continue;
    const pm = m[3]!.toLowerCase() === 'p';
    add(m.index!, m[0].length, ((h % 12) + (pm ? 12 : 0)) * 60 + min, !!m[2]);
  }
  // 24-hour clock with a zone or "hours": "18:18 GMT", "1818 GMT", "18:00 UTC"
  for (const m of text.matchAll(/\b([01]?\d|2[0-3]):?([0-5]\d)\s*(?=(?:GMT|UTC|BST|CET|hours|hrs)\b)/g)) {
    if (!m[0].includes(':') && m[1]!.length < 2) continue;
    add(m.index!, m[0].length, Number(m[1]) * 60 + Number(m[2]), true);
  }
  // 24-hour clock without a zone, "at 18:18": only with a colon and after "at"
  for (const m of text.matchAll(/\bat ((?:[01]?\d|2[0-3]):([0-5]\d))\b(?!\s*[ap]\.?\s?m\b)/gi)) {
    const [h, min] = m[1]!.split(':').map(Number);
    add(m.index! + 3, m[1]!.length, h! * 60 + min!, true);
  }
  for (const m of text.matchAll(/\b(noon|midday|midnight)\b/gi)) add(m.index!, m[0].length, /midnight/i.test(m[1]!) ? 0 : 720, false);
  return out;
}

/** Minutes between two times of day, the short way round the clock. */
const apart = (a: number, b: number) => Math.min(Math.abs(a - b), 1440 - Math.abs(a - b));

/**
 * true: the same time within what the wording allows; false: different times; null: not comparable
 * (given in different zones, or one bounds the time rather than gives it).
 */
export function timesAgree(a: TimeOfDay, b: TimeOfDay): boolean | null {
  if (a.zone !== b.zone && a.zone && b.zone) return null;
  if ((a.zone === '' ) !== (b.zone === '') && (a.zone === 'gmt' || b.zone === 'gmt')) return null;
  if (a.slack >= 720 || b.slack >= 720) return null;
  return apart(a.minutes, b.minutes) <= Math.max(a.slack, b.slack);
}
