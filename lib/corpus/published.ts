/**
 * The page's publication date, read from the DOM (meta article:published_time and kin, JSON-LD
 * datePublished, the first <time datetime>), as an ISO date string or null. Pure DOM read.
 */
const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="og:published_time"]',
];

function iso(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value.trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function fromJsonLd(node: unknown, depth = 0): string | null {
  if (!node || typeof node !== 'object' || depth > 5) return null;
  if (Array.isArray(node)) {
    for (const n of node) {
      const d = fromJsonLd(n, depth + 1);
      if (d) return d;
    }
    return null;
  }
  const o = node as Record<string, unknown>;
  if (typeof o.datePublished === 'string') return iso(o.datePublished);
  return fromJsonLd(o['@graph'], depth + 1) ?? fromJsonLd(o.mainEntity, depth + 1);
}

export function publishedDate(doc: Document): string | null {
  for (const sel of META_SELECTORS) {
    const d = iso(doc.querySelector(sel)?.getAttribute('content'));
    if (d) return d;
  }
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const d = fromJsonLd(JSON.parse(s.textContent ?? ''));
      if (d) return d;
    } catch {
      // a page's broken JSON-LD is not ours to fix; try the next source
    }
  }
  const time = doc.querySelector('article time[datetime], time[datetime][itemprop="datePublished"], time[datetime]');
  return iso(time?.getAttribute('datetime'));
}
