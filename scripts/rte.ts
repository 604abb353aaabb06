/**
 * RTE pairs (`<pair id="…" entailment="ENTAILMENT|CONTRADICTION|UNKNOWN" …><t>…</t><h>…</h></pair>`,
 * also YES/NO/UNKNOWN) read for bench:rte and its unit test; never imported by the extension.
 */
export type RteLabel = 'entailment' | 'contradiction' | 'unknown';

export interface RtePair {
  id: string;
  label: RteLabel;
  t: string;
  h: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}

const LABEL: Record<string, RteLabel> = { entailment: 'entailment', yes: 'entailment', contradiction: 'contradiction', no: 'contradiction', unknown: 'unknown' };

export function parseRte(xml: string): RtePair[] {
  const out: RtePair[] = [];
  for (const m of xml.matchAll(/<pair\b([^>]*)>([\s\S]*?)<\/pair>/g)) {
    const attrs = m[1]!;
    const id = attrs.match(/\bid="([^"]*)"/)?.[1] ?? String(out.length + 1);
    const raw = (attrs.match(/\bentailment="([^"]*)"/) ?? attrs.match(/\bvalue="([^"]*)"/))?.[1]?.toLowerCase();
    const label = raw ? LABEL[raw] : undefined;
    const t = m[2]!.match(/<t>([\s\S]*?)<\/t>/)?.[1];
    const h = m[2]!.match(/<h>([\s\S]*?)<\/h>/)?.[1];
    if (!label || t === undefined || h === undefined) throw new Error(`pair ${id}: needs an entailment label, <t> and <h>`);
    out.push({ id, label, t: unescape(t), h: unescape(h) });
  }
  return out;
}
