import { describe, expect, it } from 'vitest';
import { parseArticle } from './index.js';

const BODY = 'The Northgate ferry board raised fares by 12 percent on Monday.';
const article = (...lines: string[]) =>
  parseArticle({ content: ['Ferry Fares Rise', 'April 1, 2024', BODY, ...lines].join('\n\n') });

describe('correction notes', () => {
  it.each([
    [
      'Correction: March 3, 2024 — An earlier version misstated the fare increase.',
      'CORRECTION',
      '2024-03-03T00:00:00.000Z',
    ],
    ['*An earlier version of this article misstated the name of the ferry board chair.*', 'CORRECTION', null],
    ['This article has been updated to include a statement from the ferry board.', 'UPDATE', null],
    ['Update, April 2, 2024: The board postponed the vote.', 'UPDATE', '2024-04-02T00:00:00.000Z'],
    ['Clarification: The fare rise applies to weekday crossings only.', 'CLARIFICATION', null],
    ["Editor's note: This story is part of our series on Northgate transport.", 'EDITORS_NOTE', null],
    [
      'Retraction: This article has been retracted because its central claim could not be verified.',
      'RETRACTION',
      null,
    ],
    ['This story was corrected on 02.04.2024 to fix the fare amount.', 'CORRECTION', '2024-04-02T00:00:00.000Z'],
  ])('%s', (line, kind, date) => {
    const d = article(line);
    expect(d.corrections).toHaveLength(1);
    expect(d.corrections[0]?.kind).toBe(kind);
    expect(d.corrections[0]?.date?.toISOString() ?? null).toBe(date);
    expect(d.corrections[0]?.note).toBe(line.replace(/^\*|\*$/g, ''));
    expect(d.paragraphs).toEqual([BODY]);
  });

  it("is not a correction when the sentence reports another outlet's correction", () => {
    const d = article(
      'The Financial Times later issued a correction saying its report had misstated the fare.',
      'An earlier version of the Bloomberg report said the fares would double.',
      'Corrections officers at the ferry terminal said nothing.',
    );
    expect(d.corrections).toEqual([]);
    expect(d.paragraphs).toHaveLength(4);
  });
});
