import { describe, expect, it } from 'vitest';
import { parseArticle } from './index.js';

// fictional stories throughout; real outlet names only where the rules are about them
const article = (...lines: string[]) => parseArticle({ content: lines.join('\n\n'), format: 'TEXT' });
const BODY = 'The Northgate harbor authority approved a plan on Tuesday to dredge the old canal, officials said.';
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('dates', () => {
  it.each([
    ['February 21, 2025', '2025-02-21T00:00:00.000Z'],
    ['Feb. 21, 2025', '2025-02-21T00:00:00.000Z'],
    ['21 February 2025', '2025-02-21T00:00:00.000Z'],
    ['Friday, 21 February 2025, 09:10', '2025-02-21T09:10:00.000Z'],
    ['09:10 21.02.2025', '2025-02-21T09:10:00.000Z'],
    ['03.04.2025', '2025-04-03T00:00:00.000Z'],
    ['2025-02-21T09:10:00+03:00', '2025-02-21T06:10:00.000Z'],
    ['Published: March 3, 2024 10:00 am ET', '2024-03-03T15:00:00.000Z'],
  ])('reads the date line %s', (line, expected) => {
    expect(iso(article('Harbor Plan Approved', line, BODY).publishedAt)).toBe(expected);
  });

  it('reads a date fused to a byline and keeps the author', () => {
    const d = article('Harbor Plan Approved', 'By Lena Vostrikova | Feb 21, 2025', BODY);
    expect(iso(d.publishedAt)).toBe('2025-02-21T00:00:00.000Z');
    expect(d.attributions.filter((a) => a.role === 'AUTHOR').map((a) => a.source.name)).toEqual(['Lena Vostrikova']);
  });

  it('reads an Updated line as modifiedAt', () => {
    const d = article('Harbor Plan Approved', 'March 1, 2025', 'Updated: March 2, 2025 14:00', BODY);
    expect(iso(d.publishedAt)).toBe('2025-03-01T00:00:00.000Z');
    expect(iso(d.modifiedAt)).toBe('2025-03-02T14:00:00.000Z');
  });

  it('falls back to a /YYYY/MM/DD/ date in the url path', () => {
    const d = article('Harbor Plan Approved', BODY, 'Original url:', 'https://news.example.org/2024/11/05/harbor-plan');
    expect(iso(d.publishedAt)).toBe('2024-11-05T00:00:00.000Z');
    expect(d.warnings).toContain('publishedAt taken from the url path');
  });

  it('never invents a date', () => {
    const d = article('Harbor Plan Approved', 'Friday', BODY, 'Original url: https://news.example.org/harbor-plan');
    expect(d.publishedAt).toBeNull();
    expect(d.warnings).toContain('no publication date found');
    expect(d.paragraphs[0]).toBe('Friday');
  });
});

describe('title', () => {
  it('strips a wire suffix and records the wire origin from it', () => {
    const d = article('Northgate Mayor Resigns – Reuters', 'May 2, 2025', BODY);
    expect(d.title).toBe('Northgate Mayor Resigns');
    const wire = d.attributions.find((a) => a.role === 'WIRE_ORIGIN');
    expect(wire?.source.name).toBe('Reuters');
    expect(wire?.evidence).toBe('Northgate Mayor Resigns – Reuters');
  });

  it('treats " - media" as a re-report mark: the first outlet reporting it becomes the wire origin', () => {
    const d = article(
      'Northgate Mayor Said to Resign - media',
      'May 2, 2025',
      BODY,
      'A second paragraph repeats the plan.',
      'The mayor will step down next week, Kommersant reported, without naming its sources.',
    );
    expect(d.title).toBe('Northgate Mayor Said to Resign');
    const wire = d.attributions.filter((a) => a.role === 'WIRE_ORIGIN');
    expect(wire.map((a) => [a.source.name, a.paragraphIndex])).toEqual([['Kommersant', 2]]);
  });

  it('keeps a dash that is part of the title', () => {
    expect(article('Northgate - The Harbor That Time Forgot', 'May 2, 2025', BODY).title).toBe(
      'Northgate - The Harbor That Time Forgot',
    );
  });
});

describe('credit lines', () => {
  const credits = (line: string) =>
    article('Harbor Plan Approved', 'May 2, 2025', line, BODY)
      .attributions.filter((a) => a.role === 'PHOTO_CREDIT')
      .map((a) => [a.source.name, a.source.kind]);

  it('reads Name / Agency', () => {
    expect(credits('Irina Solntseva / TASS')).toEqual([
      ['Irina Solntseva', 'PERSON'],
      ['TASS', 'PHOTO_AGENCY'],
    ]);
  });
  it('reads a caption followed by Name / Agency', () => {
    expect(credits('Dredgers wait at the Northgate canal. Pavel Orlov / Kommersant')).toEqual([
      ['Pavel Orlov', 'PERSON'],
      ['Kommersant', 'PHOTO_AGENCY'],
    ]);
  });
  it('reads Photo: Agency', () => {
    expect(credits('Photo: AFP')).toEqual([['Agence France-Presse', 'PHOTO_AGENCY']]);
  });
  it('reads AGENCY/PHOTOGRAPHER NAME', () => {
    expect(credits('EPA/MARTA KOVALENKO')).toEqual([
      ['EPA', 'PHOTO_AGENCY'],
      ['Marta Kovalenko', 'PERSON'],
    ]);
  });
  it('reads Credit: with an unknown agency', () => {
    expect(credits('Credit: Harbor Lens Agency')).toEqual([['Harbor Lens Agency', 'PHOTO_AGENCY']]);
  });
  it('does not make a web site named as image source a photo agency', () => {
    expect(credits('Photo: kremlin.ru')).toEqual([['Kremlin', 'GOVERNMENT']]);
    expect(credits('Oleg Brandt / Wikimedia Commons')).toEqual([
      ['Oleg Brandt', 'PERSON'],
      ['Wikimedia Commons', 'ORGANIZATION'],
    ]);
    expect(credits('Photo: northgate-ferries.example.com')).toEqual([
      ['northgate-ferries.example.com', 'ORGANIZATION'],
    ]);
  });
  it('drops a caption with no credit at all, keeping the body intact', () => {
    const d = article('Harbor Plan Approved', 'May 2, 2025\n\n\n', 'Dredgers at the Northgate canal', BODY);
    expect(d.attributions.filter((a) => a.role === 'PHOTO_CREDIT')).toEqual([]);
    expect(d.paragraphs).toEqual([BODY]);
    expect(d.warnings).toContain('dropped a photo caption without a credit');
  });
});

describe('bylines', () => {
  it('makes every person in a byline an AUTHOR and an outlet in it a WIRE_ORIGIN', () => {
    const d = article('Harbor Plan Approved', 'By Lena Vostrikova and Tomas Reyes, Reuters', 'May 2, 2025', BODY);
    expect(d.attributions.filter((a) => a.role === 'AUTHOR').map((a) => a.source.name)).toEqual([
      'Lena Vostrikova',
      'Tomas Reyes',
    ]);
    expect(d.attributions.filter((a) => a.role === 'WIRE_ORIGIN').map((a) => a.source.name)).toEqual(['Reuters']);
    expect(d.paragraphs).toEqual([BODY]);
  });

  it('reads a Reporting by / Editing by trailer', () => {
    const d = article(
      'Harbor Plan Approved',
      'May 2, 2025',
      BODY,
      'Reporting by Lena Vostrikova; Editing by Omar Haddad',
    );
    expect(d.attributions.filter((a) => a.role === 'AUTHOR').map((a) => a.source.name)).toEqual(['Lena Vostrikova']);
    expect(d.attributions.filter((a) => a.role === 'CONTRIBUTOR').map((a) => a.source.name)).toEqual(['Omar Haddad']);
    expect(d.paragraphs).toEqual([BODY]);
  });
});

describe('related lines, tags and urls', () => {
  it('turns Related / See also / Read more lines into RELATED references with the full title', () => {
    const d = article(
      'Harbor Plan Approved',
      'May 2, 2025',
      BODY,
      'Related article: <u>Canal Dredging Sparks</u> Protest in Northgate',
      'See also: Ferry Fares Rise Again',
      'Read more: <u>What the Harbor Plan Means</u>',
    );
    expect(d.references.map((r) => [r.kind, r.targetTitle, r.anchorText])).toEqual([
      ['RELATED', 'Canal Dredging Sparks Protest in Northgate', 'Canal Dredging Sparks'],
      ['RELATED', 'Ferry Fares Rise Again', null],
      ['RELATED', 'What the Harbor Plan Means', 'What the Harbor Plan Means'],
    ]);
    expect(d.paragraphs).toEqual([BODY]);
  });

  it('reads a related-items block', () => {
    const d = article(
      'Harbor Plan Approved',
      'May 2, 2025',
      BODY,
      'Related articles:',
      'Ferry Fares Rise Again',
      'Canal Reopens',
      'The plan now goes to the regional council.',
    );
    expect(d.references.map((r) => r.targetTitle)).toEqual(['Ferry Fares Rise Again', 'Canal Reopens']);
    expect(d.paragraphs).toEqual([BODY, 'The plan now goes to the regional council.']);
  });

  it('reads "Read more about:" as tags, not a reference', () => {
    const d = article(
      'Harbor Plan Approved',
      'May 2, 2025',
      BODY,
      'Read more about: Northgate, Harbors, Infrastructure',
    );
    expect(d.tags).toEqual(['Northgate', 'Harbors', 'Infrastructure']);
    expect(d.references).toEqual([]);
  });

  it('reads Original url: as the canonical url and its domain as publisher; unknown domains name the site', () => {
    const known = article(
      'Harbor Plan Approved',
      'May 2, 2025',
      BODY,
      'Original url: https://www.ft.com/content/harbor-plan',
    );
    expect(known.url).toBe('https://www.ft.com/content/harbor-plan');
    expect(known.publisher).toMatchObject({
      name: 'Financial Times',
      kind: 'OUTLET',
      aliases: ['FT', 'The Financial Times'],
    });
    const unknown = article(
      'Harbor Plan Approved',
      'May 2, 2025',
      BODY,
      'Original url:',
      'https://www.northgate-gazette.example/harbor',
    );
    expect(unknown.publisher).toMatchObject({
      name: 'northgate-gazette.example',
      kind: 'OUTLET',
      domain: 'northgate-gazette.example',
    });
  });

  it('uses the url given with the input when the text has none', () => {
    const d = parseArticle({ content: `Harbor Plan Approved\n\n${BODY}`, url: 'https://apnews.com/article/harbor' });
    expect(d.url).toBe('https://apnews.com/article/harbor');
    expect(d.publisher).toMatchObject({ name: 'Associated Press', kind: 'WIRE_AGENCY' });
  });
});

describe('boilerplate', () => {
  it('drops newsletter and donation boxes', () => {
    const d = article(
      'Harbor Plan Approved',
      'May 2, 2025',
      BODY,
      'Sign up for our free weekly newsletter and get the harbor news in your inbox.',
      'Please support independent journalism: donate today to keep our newsroom going.',
      'Original url: https://www.themoscowtimes.com/2025/05/02/harbor',
    );
    expect(d.paragraphs).toEqual([BODY]);
    expect(d.references).toEqual([]);
  });

  it('records the outlet named by boilerplate as original publisher of a mirrored copy (SYNDICATES)', () => {
    const d = article(
      'Harbor Plan Approved',
      'May 2, 2025',
      BODY,
      'The Moscow Times needs your help: we need your support to keep reporting.',
      'Original url: https://mirror-news.example.net/harbor-plan',
    );
    expect(d.publisher?.name).toBe('mirror-news.example.net');
    expect(d.references).toEqual([
      {
        kind: 'SYNDICATES',
        anchorText: null,
        paragraphIndex: null,
        targetUrl: null,
        targetTitle: 'Harbor Plan Approved',
      },
    ]);
    expect(d.attributions.filter((a) => a.role === 'PUBLISHER').map((a) => a.source.name)).toEqual([
      'mirror-news.example.net',
      'The Moscow Times',
    ]);
    expect(d.paragraphs).toEqual([BODY]);
  });

  it('takes the boilerplate outlet as publisher when nothing else names one', () => {
    const d = article(
      'Harbor Plan Approved',
      'May 2, 2025',
      BODY,
      'We need your help to keep Meduza independent. Donate to support our journalism.',
    );
    expect(d.publisher?.name).toBe('Meduza');
  });
});
