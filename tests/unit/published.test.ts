// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { publishedDate } from '../../lib/corpus/published';

const page = (head: string, body = '') => new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');

describe('publishedDate', () => {
  it('reads article:published_time', () => {
    expect(publishedDate(page('<meta property="article:published_time" content="2026-01-05T09:30:00Z">'))).toBe('2026-01-05T09:30:00.000Z');
  });
  it('reads JSON-LD datePublished, also inside @graph, and skips broken JSON-LD', () => {
    const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
    expect(publishedDate(page(ld({ '@type': 'NewsArticle', datePublished: '2025-12-28' })))).toBe('2025-12-28T00:00:00.000Z');
    expect(publishedDate(page('<script type="application/ld+json">{broken</script>' + ld({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', datePublished: '2026-01-03T10:00:00Z' }] })))).toBe('2026-01-03T10:00:00.000Z');
  });
  it('falls back to <time datetime> and gives null when the page has no date', () => {
    expect(publishedDate(page('', '<article><time datetime="2026-01-04">Jan 4</time></article>'))).toBe('2026-01-04T00:00:00.000Z');
    expect(publishedDate(page('<meta property="article:published_time" content="not a date">', '<p>No date.</p>'))).toBeNull();
  });
});
