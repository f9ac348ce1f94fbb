import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from './index.js';

// the real article stays in shared/, outside the repo
const file = new URL('../../../../shared/corpus/moscow-times-2025-02-21-us-russia-secret-talks.txt', import.meta.url);
const draft = parseArticle({ content: readFileSync(file, 'utf8') });
const roles = (role: string) => draft.attributions.filter((a) => a.role === role);

describe('corpus: Moscow Times re-report of a Reuters report', () => {
  it('reads title, date, url and publisher', () => {
    expect(draft.title).toBe('U.S. and Russia Held Secret Talks on Ukraine in Switzerland');
    expect(draft.publishedAt?.toISOString()).toBe('2025-02-21T00:00:00.000Z');
    expect(draft.modifiedAt).toBeNull();
    expect(draft.url).toBe(
      'https://www.themoscowtimes.com/2025/02/21/us-and-russia-held-secret-talks-on-ukraine-in-switzerland-reuters-a88103',
    );
    expect(draft.publisher).toMatchObject({ name: 'The Moscow Times', kind: 'OUTLET', domain: 'themoscowtimes.com' });
    expect(roles('PUBLISHER').map((a) => a.source.name)).toEqual(['The Moscow Times']);
    expect(draft.warnings).toEqual([]);
  });

  it('keeps only body paragraphs, without markup, title, date, credit, related or url lines', () => {
    expect(draft.paragraphs).toHaveLength(7);
    expect(draft.paragraphs[0]).toMatch(/^U\.S\. and Russian figures have held secret/);
    expect(draft.paragraphs[0]).toContain('Reuters reported Thursday');
    const all = draft.paragraphs.join('\n');
    for (const gone of [
      '<u>',
      '</u>',
      'Related article',
      'Original url',
      'themoscowtimes.com',
      'Artem Geodakyan',
      'February 21, 2025',
    ])
      expect(all).not.toContain(gone);
    expect(draft.paragraphs[6]).toMatch(/^However, one Reuters source said/);
  });

  it('names Reuters as the wire origin with the evidence sentence', () => {
    const wire = roles('WIRE_ORIGIN');
    expect(wire).toHaveLength(1);
    expect(wire[0]?.source).toMatchObject({ name: 'Reuters', kind: 'WIRE_AGENCY', domain: 'reuters.com' });
    expect(wire[0]?.paragraphIndex).toBe(0);
    expect(wire[0]?.evidence).toMatch(
      /Reuters reported Thursday, citing anonymous sources familiar with the matter\.$/,
    );
  });

  it('finds the anonymous sources, relayed through Reuters', () => {
    const anon = roles('ANONYMOUS_SOURCE');
    expect(
      anon.map((a) => [a.source.name, a.source.anonymousCount, a.via?.name, a.source.relayedBy, a.paragraphIndex]),
    ).toEqual([
      ['sources familiar with the matter', null, 'Reuters', 'Reuters', 0],
      ['one Reuters source', 1, 'Reuters', 'Reuters', 6],
    ]);
    expect(anon.every((a) => a.source.kind === 'ANONYMOUS')).toBe(true);
  });

  it('credits the photographer and TASS as photo agency', () => {
    expect(roles('PHOTO_CREDIT').map((a) => [a.source.name, a.source.kind])).toEqual([
      ['Artem Geodakyan', 'PERSON'],
      ['TASS', 'PHOTO_AGENCY'],
    ]);
  });

  it('has no other sources: the people the story is about are not sources', () => {
    expect(draft.attributions.map((a) => a.role).sort()).toEqual(
      ['ANONYMOUS_SOURCE', 'ANONYMOUS_SOURCE', 'PHOTO_CREDIT', 'PHOTO_CREDIT', 'PUBLISHER', 'WIRE_ORIGIN'].sort(),
    );
  });

  it('keeps the related article with its full title and the inline anchors', () => {
    expect(draft.references).toEqual([
      { kind: 'RE_REPORTS', anchorText: 'reported', paragraphIndex: 0, targetUrl: null, targetTitle: null },
      { kind: 'CITES', anchorText: 'engaged', paragraphIndex: 4, targetUrl: null, targetTitle: null },
      {
        kind: 'RELATED',
        anchorText: 'Kremlin Courts Trump Behind the Scenes as His Foreign Policy Rhetoric',
        paragraphIndex: null,
        targetUrl: null,
        targetTitle: 'Kremlin Courts Trump Behind the Scenes as His Foreign Policy Rhetoric Rattles U.S. Allies',
      },
    ]);
  });

  it('keeps the quoted phrases with paragraph and, where the sentence says, source', () => {
    expect(draft.quotes.map((q) => [q.text, q.paragraphIndex, q.source?.name ?? null])).toEqual([
      ['track two', 1, 'Reuters'],
      ['improving communication and floating ideas', 1, 'Reuters'],
      ['small number', 2, null],
      ['track 1.5', 4, null],
      ['track two', 5, null],
      ['lost their relevance', 6, 'one Reuters source'],
    ]);
    expect(draft.quotes[5]?.source).toMatchObject({ kind: 'ANONYMOUS', anonymousCount: 1, relayedBy: 'Reuters' });
  });

  it('has no corrections or tags', () => {
    expect(draft.corrections).toEqual([]);
    expect(draft.tags).toEqual([]);
  });
});
