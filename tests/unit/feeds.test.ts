// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/corpus/feeds';
import { fileKind, reportsFromFile } from '../../lib/corpus/files';
import { EXPORT_FORMAT } from '../../lib/corpus/exchange';
import { ARTICLE_PARAGRAPHS, newsPage } from './fixtures/news-page';

const BODY = 'The port of Elling will open a new ferry terminal in June, the harbour authority said on Monday.';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Elling Post &amp; Times</title><link>https://post.example/</link>
<item><title>Ferry terminal to open &lt;b&gt;in June&lt;/b&gt;</title><link>https://post.example/ferry</link>
<dc:creator>Ana Ruiz</dc:creator><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>${BODY}</p><p>Work began in 2023 <script>alert(1)</script>and cost 40 million euros.</p>]]></content:encoded></item>
<item><title>Bad link</title><link>javascript:alert(1)</link><description>${BODY} A second item.</description></item>
<item><title>Too short</title><description>Hi.</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Harbour Watch</title>
<entry><title>Terminal news</title><link rel="alternate" href="https://watch.example/t"/><link rel="edit" href="https://watch.example/edit"/>
<author><name>Li Wei</name></author><author><name>Sara Kim</name></author><published>2025-03-05T08:00:00Z</published>
<summary>Summary only.</summary><content type="html">&lt;p&gt;${BODY}&lt;/p&gt;</content></entry></feed>`;

describe('feeds', () => {
  it('reads RSS 2.0: CDATA content as plain text, creator, date, link, the channel as source', () => {
    const f = parseFeed(RSS);
    expect(f.source).toBe('Elling Post & Times');
    expect(f.reports[0]).toEqual({
      title: 'Ferry terminal to open in June',
      source: 'Elling Post & Times',
      author: 'Ana Ruiz',
      date: '2025-03-04',
      url: 'https://post.example/ferry',
      text: `${BODY}\n\nWork began in 2023 and cost 40 million euros.`,
    });
    expect(f.reports[1]!.url).toBeNull(); // a javascript: link is dropped, not stored
  });

  it('reads Atom: the alternate link, every author, the fuller of content and summary', () => {
    const [e] = parseFeed(ATOM).reports;
    expect(e).toEqual({ title: 'Terminal news', source: 'Harbour Watch', author: 'Li Wei, Sara Kim', date: '2025-03-05', url: 'https://watch.example/t', text: BODY });
  });

  it('reads RSS 1.0 (RDF)', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>RDF Wire</title></channel><item><title>One</title><link>https://rdf.example/1</link><dc:date>2025-01-02</dc:date><description>${BODY}</description></item></rdf:RDF>`;
    expect(parseFeed(rdf).reports).toEqual([{ title: 'One', source: 'RDF Wire', author: null, date: '2025-01-02', url: 'https://rdf.example/1', text: BODY }]);
  });

  it('names the problem in a malformed feed or a file that is not one', () => {
    expect(() => parseFeed('<rss><channel><item></channel></rss>')).toThrow(/not well-formed XML \(line 1/);
    expect(() => parseFeed('<?xml version="1.0"?><note><to>x</to></note>')).toThrow(/not an RSS or Atom feed/);
  });
});

describe('picked files', () => {
  it('knows a file by its extension, else by its first characters', () => {
    expect(fileKind('a.JSON', '')).toBe('export');
    expect(fileKind('feed', RSS)).toBe('feed');
    expect(fileKind('page', '<!doctype html><p>x</p>')).toBe('html');
    expect(fileKind('notes', 'Plain words.')).toBe('text');
  });

  it('keeps the good feed items and names each one left out', () => {
    const r = reportsFromFile('post.xml', RSS);
    expect(r.reports.map((x) => x.title)).toEqual(['Ferry terminal to open in June', 'Bad link']);
    expect(r.problems).toEqual(['post.xml › item 3: A report needs some text (at least a sentence).']);
  });

  it('reads a .txt file and an .html page', () => {
    expect(reportsFromFile('note.txt', `\uFEFFHarbour update\r\n${BODY}`).reports).toEqual([{ text: `Harbour update\n${BODY}` }]);
    const page = reportsFromFile('saved.html', newsPage()).reports[0]!;
    expect(page.title).toBe('Riverton council approves Elm River footbridge');
    expect(page.text.split('\n\n')).toEqual(ARTICLE_PARAGRAPHS);
  });

  it('a .txt file with control characters is left out with its name', () => {
    expect(reportsFromFile('bin.txt', `${BODY}\u0001`).problems[0]).toMatch(/^bin.txt: The report text contains control characters/);
  });

  it('an export file is all or nothing, with the file named', () => {
    expect(() => reportsFromFile('corpus.json', JSON.stringify({ format: EXPORT_FORMAT, version: 1, reports: [{ id: 'x', origin: 'user', text: null }] }))).toThrow(
      /^corpus.json: report 1: The report text must be text/,
    );
    expect(() => reportsFromFile('feed.rss', '<rss><channel>')).toThrow(/^feed.rss: The feed is not well-formed XML/);
  });
});
