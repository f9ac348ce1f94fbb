import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntityFinder, type SentenceFacts } from './attributions.js';
import { type ArticleDraft, parseArticle } from './index.js';
import { splitSentences } from './sentences.js';

const article = (...body: string[]) =>
  parseArticle({
    content: ['Harbor Deal Collapses', 'June 4, 2025', ...body].join('\n\n'),
    url: 'https://www.themoscowtimes.com/2025/06/04/harbor',
  });
const rows = (d: ArticleDraft, role: string) =>
  d.attributions
    .filter((a) => a.role === role)
    .map((a) => ({
      name: a.source.name,
      kind: a.source.kind,
      via: a.via?.name ?? null,
      p: a.paragraphIndex,
      count: a.source.anonymousCount,
    }));

describe('outlet attribution phrases', () => {
  it.each([
    ['Bloomberg reported on Monday that the Northgate harbor deal had collapsed.'],
    ['The collapse of the Northgate harbor deal was first reported by Bloomberg.'],
    ['The Northgate harbor deal has collapsed, according to Bloomberg.'],
    ['The Northgate harbor deal has collapsed, Bloomberg wrote.'],
    ['A Northgate port official told Bloomberg the harbor deal had collapsed.'],
    ['The harbor deal collapsed, a port official was quoted by Bloomberg as saying.'],
    ['The deal is dead, the port director said in comments made to Bloomberg.'],
    ['A Bloomberg report on Monday said the harbor deal had collapsed.'],
  ])('makes the outlet in the lead the wire origin: %s', (sentence) => {
    const d = article(sentence);
    expect(rows(d, 'WIRE_ORIGIN')).toEqual([{ name: 'Bloomberg', kind: 'OUTLET', via: null, p: 0, count: null }]);
    expect(d.attributions.find((a) => a.role === 'WIRE_ORIGIN')?.evidence).toBe(sentence);
  });

  it('makes an outlet cited later in the story a NAMED_SOURCE, not the wire origin', () => {
    const d = article(
      'The Northgate harbor deal collapsed on Monday.',
      'Port workers gathered outside the gates.',
      'Kommersant reported last year that the financing was shaky.',
    );
    expect(rows(d, 'WIRE_ORIGIN')).toEqual([]);
    expect(rows(d, 'NAMED_SOURCE')).toEqual([{ name: 'Kommersant', kind: 'OUTLET', via: null, p: 2, count: null }]);
  });

  it('resolves aliases to one source: FT is the Financial Times', () => {
    const d = article(
      'The FT reported that the harbor deal collapsed.',
      'According to the Financial Times, investors walked away.',
    );
    expect(rows(d, 'WIRE_ORIGIN').map((r) => r.name)).toEqual(['Financial Times']);
  });

  it('reads "The Journal" as the WSJ only when the WSJ is in the article', () => {
    const withWsj = article(
      'The Wall Street Journal reported that the harbor deal collapsed.',
      'The Journal said investors had walked away.',
    );
    expect(withWsj.attributions.filter((a) => a.source.name === 'The Wall Street Journal')).toHaveLength(1);
    expect(withWsj.attributions.some((a) => a.source.name === 'The Journal')).toBe(false);
    const without = article('The Journal said investors had walked away from the harbor deal.');
    expect(without.attributions.some((a) => a.source.name === 'The Wall Street Journal')).toBe(false);
  });

  it('does not attribute the publisher to itself', () => {
    const d = article('The port director told The Moscow Times the harbor deal had collapsed.');
    expect(rows(d, 'WIRE_ORIGIN')).toEqual([]);
    expect(rows(d, 'NAMED_SOURCE')).toEqual([]);
  });
});

describe('named and not-named sources', () => {
  it('makes people, governments and research bodies that speak NAMED_SOURCE of the right kind', () => {
    const d = article(
      'Port director Marina Kestrel said the harbor deal had collapsed.',
      'The Kremlin said it was not involved in the talks.',
      'Russia’s Economy Ministry said it would review the contract.',
      'The Institute for the Study of War said the harbor had military value.',
      'The Northgate Maritime Institute said dredging costs had tripled.',
    );
    expect(rows(d, 'NAMED_SOURCE').map((r) => [r.name, r.kind, r.p])).toEqual([
      ['Marina Kestrel', 'PERSON', 0],
      ['Kremlin', 'GOVERNMENT', 1],
      ['Russia’s Economy Ministry', 'GOVERNMENT', 2],
      ['Institute for the Study of War', 'ORGANIZATION', 3],
      ['Northgate Maritime Institute', 'ORGANIZATION', 4],
    ]);
  });

  it('does not make people who declined to comment, or people a story is about, sources', () => {
    const d = article(
      'Investor Arvid Holm pulled out of the harbor deal after a dispute with Marina Kestrel.',
      'Arvid Holm declined to comment.',
      'The Kremlin did not respond to a request for comment.',
    );
    expect(rows(d, 'NAMED_SOURCE')).toEqual([]);
  });

  it('resolves a bare surname to the full name given earlier, and puts a source that told an outlet via it', () => {
    const d = article(
      'Port director Marina Kestrel has run the harbor since 2019.',
      'The canal has been closed since March.',
      'Kestrel told Interfax the deal was dead.',
    );
    expect(rows(d, 'NAMED_SOURCE')).toEqual([
      { name: 'Interfax', kind: 'WIRE_AGENCY', via: null, p: 2, count: null },
      { name: 'Marina Kestrel', kind: 'PERSON', via: 'Interfax', p: 2, count: null },
    ]);
  });

  it.each([
    ['Łukasz Ørsted', 'Ørsted'],
    ['Émile Zoë', 'Zoë'],
    ['Anna 𝐁erg', '𝐁erg'],
  ])('resolves a bare surname that does not start with two ASCII letters: %s', (full, surname) => {
    const d = article(
      `Port director ${full} has run the harbor since 2019.`,
      `${surname} said the deal was dead, and ${surname}’s deputy agreed.`,
    );
    expect(rows(d, 'NAMED_SOURCE')).toEqual([{ name: full, kind: 'PERSON', via: null, p: 1, count: null }]);
  });
});

describe('anonymous sources', () => {
  it.each([
    [
      'The harbor deal collapsed, Reuters reported, citing sources familiar with the matter.',
      'sources familiar with the matter',
      null,
      'Reuters',
    ],
    ['Two unnamed officials told Reuters the harbor deal had collapsed.', 'two unnamed officials', 2, 'Reuters'],
    [
      'An unidentified source said the harbor deal had collapsed, Reuters reported.',
      'unidentified source',
      1,
      'Reuters',
    ],
    ['One Reuters source said the harbor deal had collapsed.', 'one Reuters source', 1, 'Reuters'],
    [
      'Kommersant reported the deal had collapsed, and sources cited by the paper said investors walked away.',
      'sources cited by the paper',
      null,
      'Kommersant',
    ],
    [
      'Three people who spoke on condition of anonymity told Bloomberg the harbor deal had collapsed.',
      'three people who spoke on condition of anonymity',
      3,
      'Bloomberg',
    ],
  ])('%s', (sentence, name, count, via) => {
    const d = article(sentence);
    const anon = rows(d, 'ANONYMOUS_SOURCE');
    expect(anon).toEqual([{ name, kind: 'ANONYMOUS', via, p: 0, count }]);
    expect(d.attributions.find((a) => a.role === 'ANONYMOUS_SOURCE')?.source.relayedBy).toBe(via);
  });

  it.each([
    'constructor',
    'toString',
    'hasOwnProperty',
  ])('a word that names an Object property ("%s sources") is not a count', (word) => {
    const d = article(`The harbor deal collapsed, ${word} sources familiar with the matter told Reuters.`);
    for (const a of d.attributions) expect(typeof a.source.anonymousCount === 'function').toBe(false);
    for (const a of d.attributions.filter((x) => x.role === 'ANONYMOUS_SOURCE'))
      expect(a.source.anonymousCount === null || typeof a.source.anonymousCount === 'number').toBe(true);
  });

  it('does not make named groups of officials anonymous sources', () => {
    const d = article('Port officials reopened the canal on Monday, and city officials welcomed the news.');
    expect(rows(d, 'ANONYMOUS_SOURCE')).toEqual([]);
  });

  it('relays anonymous sources through the publisher when it reports them itself', () => {
    const d = article('A source close to the port authority said the harbor deal had collapsed.');
    expect(rows(d, 'ANONYMOUS_SOURCE')).toEqual([
      { name: 'source close to the port authority', kind: 'ANONYMOUS', via: 'The Moscow Times', p: 0, count: 1 },
    ]);
  });

  it('records a document seen by an outlet as DOCUMENT_SOURCE via that outlet', () => {
    const d = article('The deal collapsed, according to a confidential memo seen by Reuters.');
    expect(rows(d, 'DOCUMENT_SOURCE')).toEqual([
      { name: 'confidential memo seen by Reuters', kind: 'DOCUMENT', via: 'Reuters', p: 0, count: null },
    ]);
  });
});

describe('quotes and inline anchors', () => {
  it('keeps quotes with paragraph and the speaker of their sentence', () => {
    const d = article(
      'Port director Marina Kestrel called the deal “a missed chance” on Monday, she said.',
      '"We will try again next spring," Kestrel told Interfax.',
      'Investors called the plan "too risky" in a letter.',
    );
    expect(d.quotes.map((q) => [q.text, q.paragraphIndex, q.source?.name ?? null])).toEqual([
      ['a missed chance', 0, 'Marina Kestrel'],
      ['We will try again next spring,', 1, 'Marina Kestrel'],
      ['too risky', 2, null],
    ]);
  });

  it('makes an anchor in a sentence naming an outlet RE_REPORTS, other anchors CITES, earlier own reports FOLLOWS_UP', () => {
    const d = article(
      'The harbor deal collapsed, Meduza <u>reported</u> on Monday.',
      'Investors had <u>warned</u> of delays for months.',
      'As The Moscow Times <u>previously reported</u>, the financing was shaky.',
    );
    expect(d.references.map((r) => [r.kind, r.anchorText, r.paragraphIndex])).toEqual([
      ['RE_REPORTS', 'reported', 0],
      ['CITES', 'warned', 1],
      ['FOLLOWS_UP', 'previously reported', 2],
    ]);
  });
});

describe('sentences read with their paragraph', () => {
  // hints, nouns and names at sentence edges, next to stops, abbreviations and other scripts
  const PIECES = [
    ' ',
    ' ',
    ' ',
    '. ',
    '! ',
    '.” ',
    ', ',
    '"',
    'Reuters',
    'the Kremlin',
    'U.S. ',
    '—U.S. ',
    'State Department',
    'Interior Ministry',
    'Security Council',
    'Maritime Institute',
    'government',
    'two unnamed officials',
    'sources',
    'Sources',
    'ſources',
    'people',
    'official',
    'insiders',
    'familiar with the matter',
    'said',
    'told',
    'according to the report',
    'the report said',
    'he said',
    'previously reported',
    'a memo seen by',
    'e-mail',
    'Marina Kestrel',
    'Kestrel',
    'Dr.',
    'Émile',
  ];
  const paragraph = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((ps) => ps.join('').trim());

  it('have the facts they have alone', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const finder = new EntityFinder(paragraphs, paragraphs);
        const publisher = finder.knownMentions('Reuters')[0]?.source ?? null;
        // the cues are read when asked for
        const read = (f: SentenceFacts) => ({ ...f, cues: [f.reliesOnReport, f.pronounSpeech, f.followsUp] });
        paragraphs.forEach((p, pi) => {
          for (const s of splitSentences(p))
            expect(read(finder.facts(s.text, publisher, { paragraph: pi, start: s.start }))).toEqual(
              read(finder.facts(s.text, publisher)),
            );
        });
      }),
      { numRuns: 1000 },
    );
  });
});
