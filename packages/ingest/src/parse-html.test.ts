import { describe, expect, it } from 'vitest';
import { IngestValidationError, parseArticle } from './index.js';

const page = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
const BODY = '<p>The Northgate ferry board raised fares on Monday.</p>';

describe('HTML metadata precedence', () => {
  it('prefers JSON-LD over OpenGraph over h1/time', () => {
    const d = parseArticle({
      content: page(
        ld({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: 'Ferry Fares Rise (JSON-LD)',
          datePublished: '2025-03-01T08:00:00+01:00',
          dateModified: '2025-03-02T10:00:00Z',
          author: [{ '@type': 'Person', name: 'Lena Vostrikova' }],
          publisher: { '@type': 'Organization', name: 'Northgate Gazette', url: 'https://gazette.example' },
          image: { '@type': 'ImageObject', creditText: 'Pavel Orlov / Reuters' },
          keywords: ['ferries', 'Northgate'],
          inLanguage: 'en-GB',
        }) +
          '<meta property="og:title" content="Ferry Fares Rise (OG)"><meta property="article:published_time" content="2025-01-01">' +
          '<link rel="canonical" href="https://gazette.example/2025/03/01/ferry-fares">',
        `<article><h1>Ferry Fares Rise (h1)</h1><time datetime="2024-12-12">Dec 12</time>${BODY}</article>`,
      ),
    });
    expect(d.title).toBe('Ferry Fares Rise (JSON-LD)');
    expect(d.publishedAt?.toISOString()).toBe('2025-03-01T07:00:00.000Z');
    expect(d.modifiedAt?.toISOString()).toBe('2025-03-02T10:00:00.000Z');
    expect(d.url).toBe('https://gazette.example/2025/03/01/ferry-fares');
    expect(d.language).toBe('en-GB');
    expect(d.publisher).toMatchObject({ name: 'Northgate Gazette', kind: 'OUTLET', domain: 'gazette.example' });
    expect(d.attributions.filter((a) => a.role === 'AUTHOR').map((a) => a.source.name)).toEqual(['Lena Vostrikova']);
    expect(d.attributions.filter((a) => a.role === 'PHOTO_CREDIT').map((a) => [a.source.name, a.source.kind])).toEqual([
      ['Pavel Orlov', 'PERSON'],
      ['Reuters', 'PHOTO_AGENCY'],
    ]);
    expect(d.tags).toEqual(['ferries', 'Northgate']);
    expect(d.paragraphs).toEqual(['The Northgate ferry board raised fares on Monday.']);
  });

  it('falls back to OpenGraph, then to h1 and <time datetime>', () => {
    const og = parseArticle({
      content: page(
        '<meta property="og:title" content="Ferry Fares Rise"><meta property="article:published_time" content="2025-03-01T08:00:00Z"><meta property="og:url" content="https://www.theguardian.com/world/ferry">',
        `<article><h1>Other heading</h1>${BODY}</article>`,
      ),
    });
    expect([og.title, og.publishedAt?.toISOString(), og.url, og.publisher?.name]).toEqual([
      'Ferry Fares Rise',
      '2025-03-01T08:00:00.000Z',
      'https://www.theguardian.com/world/ferry',
      'The Guardian',
    ]);
    const plain = parseArticle({
      content: page(
        '<title>Site</title>',
        `<article><h1>Ferry Fares Rise</h1><time datetime="2025-03-01">1 March</time>${BODY}</article>`,
      ),
    });
    expect([plain.title, plain.publishedAt?.toISOString()]).toEqual(['Ferry Fares Rise', '2025-03-01T00:00:00.000Z']);
  });

  it('makes every <a href> a reference with an absolute url, and ignores scripts, styles and navigation', () => {
    const d = parseArticle({
      url: 'https://gazette.example/news/ferry',
      content: page(
        '<title>Ferry Fares Rise | Northgate Gazette</title><style>p { color: red }</style>',
        `<nav><a href="/home">Home</a></nav><article><h1>Ferry Fares Rise</h1>
         <p>The rise was first reported by Reuters, which <a href="https://www.reuters.com/world/ferry?utm_source=x">reported</a> it on Monday.</p>
         <p>The board <a href="/2024/01/02/budget">approved a budget</a> in January and published the <a href="https://www.northgate.gov/ferry.pdf">tariff</a>.</p>
         <script>var p = "<p>not text</p>";</script>
         <div class="related-articles"><a href="/2025/02/01/ferry-strike">Ferry Workers Strike Again</a></div>
         <p class="footnote"><a href="mailto:desk@gazette.example">Write to us</a></p></article>`,
      ),
    });
    expect(d.title).toBe('Ferry Fares Rise');
    expect(d.references).toEqual([
      {
        kind: 'RE_REPORTS',
        anchorText: 'reported',
        paragraphIndex: 0,
        targetUrl: 'https://www.reuters.com/world/ferry?utm_source=x',
        targetTitle: null,
      },
      {
        kind: 'CITES',
        anchorText: 'approved a budget',
        paragraphIndex: 1,
        targetUrl: 'https://gazette.example/2024/01/02/budget',
        targetTitle: null,
      },
      {
        kind: 'PRIMARY_SOURCE',
        anchorText: 'tariff',
        paragraphIndex: 1,
        targetUrl: 'https://www.northgate.gov/ferry.pdf',
        targetTitle: null,
      },
      {
        kind: 'RELATED',
        anchorText: 'Ferry Workers Strike Again',
        paragraphIndex: null,
        targetUrl: 'https://gazette.example/2025/02/01/ferry-strike',
        targetTitle: 'Ferry Workers Strike Again',
      },
    ]);
    expect(d.paragraphs).toHaveLength(3);
    expect(d.paragraphs.join(' ')).not.toMatch(/not text|Home|color/);
  });

  it('reads a Related article paragraph with its link', () => {
    const d = parseArticle({
      url: 'https://gazette.example/news/ferry',
      content: page(
        '<title>Ferry Fares Rise</title>',
        `<article>${BODY}<p>Related article: <a href="/news/strike"><u>Ferry Workers</u> Strike Again</a></p></article>`,
      ),
    });
    expect(d.references).toEqual([
      {
        kind: 'RELATED',
        anchorText: 'Ferry Workers Strike Again',
        paragraphIndex: null,
        targetUrl: 'https://gazette.example/news/strike',
        targetTitle: 'Ferry Workers Strike Again',
      },
    ]);
    expect(d.paragraphs).toHaveLength(1);
  });

  it('reads figure captions with credits and a byline element', () => {
    const d = parseArticle({
      content: page(
        '<meta property="og:title" content="Ferry Fares Rise">',
        `<article><div class="byline">By Tomas Reyes</div><figure><img src="x.jpg"><figcaption>The ferry terminal. Oleg Brandt / Getty Images</figcaption></figure>${BODY}</article>`,
      ),
    });
    expect(d.attributions.filter((a) => a.role === 'AUTHOR').map((a) => a.source.name)).toEqual(['Tomas Reyes']);
    expect(d.attributions.filter((a) => a.role === 'PHOTO_CREDIT').map((a) => [a.source.name, a.source.kind])).toEqual([
      ['Oleg Brandt', 'PERSON'],
      ['Getty Images', 'PHOTO_AGENCY'],
    ]);
    expect(d.paragraphs).toEqual(['The Northgate ferry board raised fares on Monday.']);
  });

  it('rejects a page with no title, and a machine date that cannot be read', () => {
    const noTitle = () => parseArticle({ content: page('', BODY) });
    expect(noTitle).toThrow(IngestValidationError);
    expect(noTitle).toThrow(expect.objectContaining({ field: 'title' }));
    const badLd = () =>
      parseArticle({
        content: page(ld({ '@type': 'NewsArticle', headline: 'X', datePublished: 'yesterday-ish' }), BODY),
      });
    expect(badLd).toThrow(
      expect.objectContaining({ field: 'publishedAt', message: expect.stringContaining('datePublished') }),
    );
    const badTime = () =>
      parseArticle({
        content: page('<title>X</title>', `<article><time datetime="2025-13-45">?</time>${BODY}</article>`),
      });
    expect(badTime).toThrow(expect.objectContaining({ field: 'publishedAt' }));
  });

  it('detects the format: <u> alone is text, block tags are HTML', () => {
    expect(
      parseArticle({ content: 'Ferry Fares Rise\n\nThe board <u>raised</u> fares.' }).references[0]?.anchorText,
    ).toBe('raised');
    expect(parseArticle({ content: '<h1>Ferry Fares Rise</h1><p>The board raised fares.</p>' }).title).toBe(
      'Ferry Fares Rise',
    );
  });
});
