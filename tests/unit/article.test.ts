// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { articleFromHtml, blockText, extractArticle, htmlToText, isoDay } from '../../lib/corpus/article';
import { isArticlePage } from '../../lib/page/article-page';
import { ARTICLE_PARAGRAPHS, newsPage } from './fixtures/news-page';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('article extraction', () => {
  it('keeps the article text and drops navigation, ads, share bars, related links and comments', () => {
    const a = extractArticle(parse(newsPage()), 'https://courier.example/news/2025/03/riverton-footbridge?utm=x')!;
    const paragraphs = a.text.split('\n\n');
    // the story starts at once: headline, byline and date are metadata, not text
    expect(paragraphs).toEqual(ARTICLE_PARAGRAPHS);
    for (const junk of ['Advertisement', 'cheap flights', 'Share on Facebook', 'Related stories', 'Storm closes harbour', 'About time', 'Waste of money', 'Sport', 'All rights reserved', 'tracker']) {
      expect(a.text).not.toContain(junk);
    }
  });

  it('takes the metadata the page states: JSON-LD, Open Graph, canonical link', () => {
    const a = extractArticle(parse(newsPage()), 'https://courier.example/news/2025/03/riverton-footbridge?utm=x')!;
    expect(a).toMatchObject({
      title: 'Riverton council approves Elm River footbridge',
      source: 'The Riverton Courier',
      author: 'Dana Lee, Sam Ortiz',
      date: '2025-03-04',
      url: 'https://courier.example/news/2025/03/riverton-footbridge',
    });
  });

  it('leaves unknown metadata unknown when the page states none', () => {
    const a = extractArticle(parse(newsPage({ meta: false })), 'https://courier.example/x')!;
    expect(a.source).toBeNull();
    expect(a.date).toBeNull();
    expect(a.url).toBe('https://courier.example/x');
    // the byline in the text is all the page says about its authors
    expect(a.author).toBe('Dana Lee and Sam Ortiz');
    expect(a.text).toContain(ARTICLE_PARAGRAPHS[0]);
  });

  it('works on a clone: the page itself is not changed', () => {
    const doc = parse(newsPage());
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, 'https://courier.example/');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('refuses a javascript: canonical link and keeps the page address', () => {
    const html = newsPage().replace('https://courier.example/news/2025/03/riverton-footbridge', 'javascript:alert(1)');
    expect(extractArticle(parse(html), 'https://courier.example/page')!.url).toBe('https://courier.example/page');
  });

  it('answers null for a page with no article', () => {
    expect(extractArticle(parse('<html><body><nav><a href="/">Home</a></nav></body></html>'), 'https://x.example/')).toBeNull();
  });

  it('reads an .html file: no page address, only what the file states', () => {
    const a = articleFromHtml(newsPage({ meta: false }))!;
    expect(a.url).toBeNull();
    expect(a.text).toContain(ARTICLE_PARAGRAPHS[4]);
  });

  it('strips control characters and broken surrogates from the text', () => {
    const html = newsPage().replace('ending a decade', 'ending\u0007 a \uD800decade');
    const a = extractArticle(parse(html), 'https://courier.example/')!;
    expect(a.text).toContain('ending a \uFFFDdecade');
  });
});

describe('text helpers', () => {
  it('blockText puts a blank line between blocks and none inside inline markup', () => {
    expect(blockText(parse('<div><h2>Head</h2><p>One <b>bold</b> word.</p><ul><li>a</li><li>b</li></ul><script>x()</script></div>').body)).toBe('Head\n\nOne bold word.\n\na\n\nb');
  });
  it('htmlToText keeps text only and runs nothing', () => {
    expect(htmlToText('<p>Hi <img src=x onerror="globalThis.hacked=1">there</p><script>globalThis.hacked=1</script>')).toBe('Hi there');
    expect((globalThis as { hacked?: number }).hacked).toBeUndefined();
  });
  it('isoDay reads ISO and RFC 822 dates, and nothing else', () => {
    expect(isoDay('2025-03-04T18:30:00-05:00')).toBe('2025-03-04');
    expect(isoDay('Tue, 04 Mar 2025 10:00:00 GMT')).toBe('2025-03-04');
    expect(isoDay('last Tuesday')).toBeNull();
    expect(isoDay(null)).toBeNull();
  });
});

describe('which pages are articles to remember as read', () => {
  const url = 'https://courier.example/news/2025/03/riverton-footbridge';
  const home = `<!doctype html><html><body><nav><a href="/news">News</a></nav><main>${Array.from({ length: 12 }, (_, i) => `<div class="teaser"><h2><a href="/news/${i}">Headline number ${i} about the council</a></h2></div>`).join('')}</main></body></html>`;

  it('an article page is one', () => {
    expect(isArticlePage(parse(newsPage()), url)).toBe(true);
  });

  it('a home page, a search page or a page of links is not, even with article text', () => {
    expect(isArticlePage(parse(newsPage()), 'https://courier.example/')).toBe(false);
    expect(isArticlePage(parse(newsPage()), 'https://courier.example/index.html')).toBe(false);
    expect(isArticlePage(parse(newsPage()), 'https://courier.example/search?q=footbridge')).toBe(false);
    expect(isArticlePage(parse(newsPage()), 'https://courier.example/news?q=footbridge')).toBe(false);
    expect(isArticlePage(parse(newsPage()), 'https://courier.example/search/footbridge')).toBe(false);
    expect(isArticlePage(parse(home), 'https://courier.example/front-page')).toBe(false);
  });

  it('a feed (an XML document) is not', () => {
    const feed = new DOMParser().parseFromString('<rss><channel><title>x</title></channel></rss>', 'application/xml');
    expect(isArticlePage(feed, 'https://courier.example/feed.xml')).toBe(false);
    expect(isArticlePage(parse(newsPage()), 'file:///tmp/a.html')).toBe(false);
  });
});
