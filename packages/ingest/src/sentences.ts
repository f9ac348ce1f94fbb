export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const ABBREV =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Rev|Prof|No|vs|etc|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]|U\.S|U\.K|U\.N|E\.U)\.$/;

/** Splits a paragraph into sentences, keeping offsets; knows common abbreviations and initials. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // a stop run is only tried from its first mark: tried from every mark, a long run of dots took quadratic time
  const re = /(?<![.!?])[.!?]+["”’)]*\s+(?=["“‘(]?[\p{Lu}\d])/gu;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].trimEnd().length;
    const head = text.slice(Math.max(start, m.index - 12), m.index + 1);
    if (ABBREV.test(head)) continue;
    out.push({ text: text.slice(start, end), start, end });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start).trimEnd(), start, end: text.trimEnd().length });
  return out.filter((s) => s.text.trim().length > 0);
}

export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  return sentences.find((s) => offset >= s.start && offset < Math.max(s.end, s.start + 1)) ?? sentences.at(-1);
}
