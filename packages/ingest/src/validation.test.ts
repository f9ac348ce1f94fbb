import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IngestValidationError, parseArticle } from './index.js';
import { MAX_HTML_DEPTH } from './parse-html.js';

const fieldOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof IngestValidationError) return e.field;
    throw e;
  }
};

describe('bad input', () => {
  it('rejects empty and blank content', () => {
    expect(fieldOf(() => parseArticle({ content: '' }))).toBe('content');
    expect(fieldOf(() => parseArticle({ content: ' \n\t\n ' }))).toBe('content');
  });

  it('rejects HTML nested deeper than any page, naming content, and reads one nested just within the bound', () => {
    const nested = (depth: number) =>
      `<html><head><title>Ferry fares</title></head><body><article><h1>Ferry fares rise</h1><p>Fares ${'<u>'.repeat(depth)}rose${'</u>'.repeat(depth)} again.</p></article></body></html>`;
    // html > body > article > p: four levels before the <u>s
    expect(() => parseArticle({ content: nested(16_000), format: 'HTML' })).toThrow(
      expect.objectContaining({ field: 'content', message: expect.stringMatching(/nested more than 512 deep/) }),
    );
    expect(fieldOf(() => parseArticle({ content: nested(MAX_HTML_DEPTH - 4), format: 'HTML' }))).toBeNull();
    expect(fieldOf(() => parseArticle({ content: nested(MAX_HTML_DEPTH - 3), format: 'HTML' }))).toBe('content');
  });

  it('rejects binary content', () => {
    expect(fieldOf(() => parseArticle({ content: 'Title\n\nbody\u0000more' }))).toBe('content');
    const noise = Array.from({ length: 400 }, (_, i) => String.fromCharCode(i % 31 === 9 ? 65 : (i * 7) % 31)).join('');
    expect(fieldOf(() => parseArticle({ content: `Title\n\n${noise}` }))).toBe('content');
  });

  it('rejects content over 10 MB, naming content', () => {
    const big = 'Ferry fares rise again.\n'.repeat(Math.ceil((10 * 1024 * 1024 + 10) / 24));
    expect(() => parseArticle({ content: big })).toThrow(
      expect.objectContaining({ field: 'content', message: expect.stringMatching(/larger/) }),
    );
  });

  it('rejects an unknown format and a bad url', () => {
    expect(fieldOf(() => parseArticle({ content: 'T\n\nb', format: 'PDF' as 'TEXT' }))).toBe('format');
    expect(fieldOf(() => parseArticle({ content: 'T\n\nb', url: 'not a url' }))).toBe('url');
    expect(fieldOf(() => parseArticle({ content: 'T\n\nb', url: 'ftp://example.org/x' }))).toBe('url');
  });

  it('rejects a title line too long to be a title', () => {
    expect(fieldOf(() => parseArticle({ content: 'x'.repeat(5000), format: 'TEXT' }))).toBe('title');
  });
});

describe('properties', () => {
  const outcome = (content: string, format?: 'TEXT' | 'HTML') => {
    try {
      const d = parseArticle({ content, format });
      expect(typeof d.title).toBe('string');
      expect(d.title.length).toBeGreaterThan(0);
      expect(Array.isArray(d.paragraphs)).toBe(true);
      for (const r of d.references)
        if (r.paragraphIndex !== null) expect(r.paragraphIndex).toBeLessThan(d.paragraphs.length);
      for (const q of d.quotes) expect(q.paragraphIndex).toBeLessThan(d.paragraphs.length);
      if (d.publishedAt) expect(Number.isNaN(d.publishedAt.getTime())).toBe(false);
    } catch (e) {
      expect(e).toBeInstanceOf(IngestValidationError);
      // an internal failure wrapped as a validation error is still a bug
      expect((e as IngestValidationError).message).not.toMatch(/could not be parsed/);
    }
  };

  it('any string parses or gets an IngestValidationError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => outcome(s)),
      { numRuns: 300 },
    );
  });

  it('article-like text parses or gets an IngestValidationError, as text and as HTML', () => {
    const word = fc.constantFrom(
      'Reuters',
      'reported',
      'said',
      '"quote"',
      '<u>x</u>',
      'sources',
      'two',
      'By',
      'Photo:',
      '/',
      'TASS',
      'Correction:',
      '<p>',
      '</a>',
      '<a href="/x">',
      'March 3, 2024',
      '\n',
      '\n\n',
      '.',
      'Related article:',
      'The',
      'FT',
      'declined',
    );
    const doc = fc.array(word, { maxLength: 120 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(doc, fc.constantFrom(undefined, 'TEXT' as const, 'HTML' as const), (s, f) => outcome(s, f)),
      { numRuns: 300 },
    );
  });

  // made before the test: generating a million graphemes takes seconds on a busy machine, and the test's
  // timeout is there to bound the parsing
  const noise =
    fc.sample(fc.string({ unit: 'grapheme', minLength: 1_000_000, maxLength: 1_000_000 }), {
      numRuns: 1,
      seed: 7,
    })[0] ?? '';

  it('finishes 1 MB of article text and 1 MB of arbitrary text', () => {
    const para =
      'The Northgate ferry board, according to Reuters, said "fares will rise" as two unnamed officials told TASS of <u>plans</u>.';
    const text = `Ferry Fares Rise – Reuters\n\nMarch 3, 2024\n\n${`${para}\n\n`.repeat(Math.ceil(1_000_000 / (para.length + 2)))}`;
    // no timing asserted here (speed is measured by bench/src/parse-speed.ts); the test's own timeout bounds it
    const d = parseArticle({ content: text });
    expect(d.paragraphs.length).toBeGreaterThan(7000);
    outcome(`Title\n\n${noise}`);
    outcome(`<title>T</title><p>${noise}</p>`, 'HTML');
  });

  it('finishes long runs of marks and sentences naming thousands of sources (each once took quadratic time)', () => {
    const long = (unit: string) => unit.repeat(Math.ceil(300_000 / unit.length));
    for (const body of [
      `The end${long('.')}x`,
      `The end${long('!')} Then`,
      `Correction: ${long('*')}x`,
      `Marina Kestrel spoke. Then ${long('Kestrel and ')}x`,
      `Then ${long('Ministry of Defense, ')}x`,
      `Then ${long('Reuters sources, ')}x`,
    ])
      outcome(`Harbor Deal Collapses\n\n${body}`);
  });
});
