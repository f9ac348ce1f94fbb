import type { Sentence } from './sentences.js';

export interface FoundQuote {
  text: string;
  start: number;
  end: number;
}

const QUOTED = /["“]([^"“”\n]{1,2000}?)["”]/g;

/** Double-quoted phrases in a paragraph (straight or curly quotes); single quotes are apostrophes too often to trust. */
export function findQuotes(paragraph: string): FoundQuote[] {
  const out: FoundQuote[] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(paragraph); m; m = QUOTED.exec(paragraph)) {
    const text = (m[1] ?? '').trim();
    if (text.length > 0 && /[\p{L}\p{N}]/u.test(text)) out.push({ text, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Index of the sentence holding offset `o`, or -1. */
export function sentenceIndex(sentences: Sentence[], o: number): number {
  return sentences.findIndex((s) => o >= s.start && o < Math.max(s.end, s.start + 1));
}

/** Indexes of the sentences a quote starts and ends in. */
export function quoteSentences(q: FoundQuote, sentences: Sentence[]): number[] {
  const a = sentenceIndex(sentences, q.start);
  const b = sentenceIndex(sentences, q.end - 1);
  const out: number[] = [];
  if (a >= 0) out.push(a);
  if (b >= 0 && b !== a) out.push(b);
  return out;
}
