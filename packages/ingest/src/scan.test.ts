import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAPITALIZED_PATTERN,
  capitalizedWords,
  capitalizedWordsIn,
  PERSON_PATTERN,
  personSpans,
  personSpansIn,
  type Span,
  SpanList,
  unitsOf,
} from './scan.js';
import { splitSentences } from './sentences.js';

const regexSpans = (re: RegExp, s: string): Span[] =>
  [...s.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

// pieces that meet at every edge the patterns care about: initials, particles, hyphens, apostrophes, gaps,
// non-ASCII and astral letters, lone surrogates, digits and dots before a capital
const PIECES = [
  'Marina',
  'Kestrel',
  'Kestrel’s',
  "O'Neil",
  'O’',
  'Smith-Jones',
  'Smith-jones',
  'Smith-J',
  '-Jo',
  '-',
  "'",
  '’',
  'J.',
  'J',
  'Ž.',
  'Ž',
  'Żak',
  'Élodie',
  'ǅemal',
  'Ⅻ',
  'van',
  'von',
  'de',
  'der',
  'da',
  'al',
  'bin',
  'ibn',
  'le',
  'la',
  'dex',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\n',
  '.',
  ',',
  '"',
  '“',
  '(',
  '1',
  '٣',
  'x',
  'Mc',
  'McDonald',
  'A',
  'AB',
  'Ab',
  'ab',
  '𝐀',
  '𝐀bc',
  'ſ',
  'ß',
  '\ud835',
  '\udc00',
  'Иван',
  'иванов',
  'Ив',
  'The',
  'U.S.',
  'Wall Street Journal',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((ps) => ps.join(''));

describe('scanners find what their patterns find', () => {
  it('personSpans = PERSON_PATTERN', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(personSpans(s)).toEqual(regexSpans(PERSON_PATTERN, s));
      }),
      { numRuns: 3000 },
    );
  });

  it('capitalizedWords = CAPITALIZED_PATTERN', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(capitalizedWords(s)).toEqual(regexSpans(CAPITALIZED_PATTERN, s));
      }),
      { numRuns: 3000 },
    );
  });

  it('read in a longer array, a text is read as if it were alone', () => {
    fc.assert(
      fc.property(text, text, text, (before, s, after) => {
        const u = unitsOf(before + s + after);
        const from = before.length;
        const moved = (spans: Span[]) => spans.map((m) => ({ start: m.start - from, end: m.end - from }));
        expect(moved(personSpansIn(u, from, from + s.length))).toEqual(personSpans(s));
        expect(moved(capitalizedWordsIn(u, from, from + s.length))).toEqual(capitalizedWords(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('a sentence has the spans its paragraph has there, unless one runs over its edge', () => {
    const paragraph = fc
      .array(fc.constantFrom(...PIECES, '. ', '! ', '.” ', 'Ž. ', 'J. ', ' Marina'), { maxLength: 60 })
      .map((ps) => ps.join('').trim());
    fc.assert(
      fc.property(paragraph, (p) => {
        for (const scan of [personSpans, capitalizedWords]) {
          // the paragraph laid after another one
          const spans = new SpanList();
          for (const m of scan(p)) spans.push(m.start + 7, m.end + 7);
          for (const s of splitSentences(p)) {
            const within = spans.within(s.start + 7, s.start + 7 + s.text.length);
            if (within) expect(within).toEqual(scan(s.text));
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads names, initials, particles and hyphens', () => {
    const s = 'Port director Marina Kestrel met J. Smith-Jones, Ludwig van Beethoven and Kestrel’s aide in Zürich.';
    const at = (spans: Span[]) => spans.map((m) => s.slice(m.start, m.end));
    expect(at(personSpans(s))).toEqual(['Marina Kestrel', 'J. Smith-Jones', 'Ludwig van Beethoven']);
    // a capital after the hyphen ends the word there
    expect(at(capitalizedWords(s))).toEqual([
      'Port',
      'Marina',
      'Kestrel',
      'Smith',
      'Jones',
      'Ludwig',
      'Beethoven',
      'Kestrel’s',
      'Zürich',
    ]);
  });
});
