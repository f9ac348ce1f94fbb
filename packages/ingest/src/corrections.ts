import { findDate } from './dates.js';
import type { CorrectionKind, DraftCorrection } from './types.js';

const THIS = 'this (?:article|story|report|piece|post|item|headline|text|version)';
const RULES: Array<[RegExp, CorrectionKind | 'BY_VERB']> = [
  [/^retract(?:ion|ed)\b/i, 'RETRACTION'],
  [new RegExp(`^(?:${THIS}|it) (?:has been|was|is being) retracted`, 'i'), 'RETRACTION'],
  [new RegExp(`^(?:we|the editors) (?:have )?retracted ${THIS}`, 'i'), 'RETRACTION'],
  [/^correct(?:ion|ions|ed)\b\s*(?:[:,(\-–—]|\d|on\b)/i, 'CORRECTION'],
  [/^clarification\b/i, 'CLARIFICATION'],
  [/^editor['’]?s['’]? note\b/i, 'EDITORS_NOTE'],
  [/^(?:update|updated)\b\s*(?:[:,(\-–—]|\d|at\b)/i, 'UPDATE'],
  [new RegExp(`^an? (?:earlier|previous|prior) version of ${THIS}`, 'i'), 'BY_VERB'],
  [new RegExp(`^${THIS} (?:has been|was) (?:updated|amended|corrected|clarified|changed|revised)`, 'i'), 'BY_VERB'],
];

function byVerb(note: string): CorrectionKind {
  if (/\bclarif/i.test(note)) return 'CLARIFICATION';
  if (
    /\b(?:misstated|incorrect|wrong|erroneous|misspell|misidentif|misattribut|mistaken|inaccurate|error|corrected)/i.test(
      note,
    )
  )
    return 'CORRECTION';
  if (/\b(?:updated|amended|revised|changed)\b/i.test(note)) return 'UPDATE';
  return 'CORRECTION';
}

/**
 * `s` without a leading run of `*_[(` and a trailing run of `*_])` (emphasis and brackets around a note). A loop:
 * the regex `[*_\])]+$` retried its match from every mark of a long run, in quadratic time.
 */
function stripMarks(s: string): string {
  let start = 0;
  while (start < s.length && '*_[('.includes(s.charAt(start))) start++;
  let end = s.length;
  while (end > start && '*_])'.includes(s.charAt(end - 1))) end--;
  return s.slice(start, end);
}

/**
 * A correction or update note about THIS article (`Correction: March 3, 2024 …`, `An earlier version of this article
 * misstated …`, `This article has been updated …`); null otherwise, also for a sentence reporting another outlet's
 * correction, which names that outlet's report rather than "this article".
 */
export function parseCorrectionNote(paragraph: string): DraftCorrection | null {
  const note = stripMarks(paragraph.trim()).trim();
  if (note.length < 8 || note.length > 2000) return null;
  for (const [re, kind] of RULES) {
    if (!re.test(note)) continue;
    return { kind: kind === 'BY_VERB' ? byVerb(note) : kind, note, date: findDate(note.slice(0, 200))?.date ?? null };
  }
  return null;
}
