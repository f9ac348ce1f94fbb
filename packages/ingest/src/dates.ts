import * as chrono from 'chrono-node';

// strict: no "today"/"Friday" guesses; little-endian: 21.02.2025 and 02/03/2025 read day first
const parser = new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true));
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

export interface FoundDate {
  date: Date;
  /** the matched text */
  text: string;
  index: number;
  /** true when the text carried a time of day */
  hasTime: boolean;
}

/**
 * The first date in `text` that names a year, month and day explicitly; null otherwise (dates are never invented).
 * A time without a zone is read as UTC, so the result does not depend on the machine's zone.
 */
export function findDate(text: string): FoundDate | null {
  if (text.length > 400 || !/\d/.test(text)) return null;
  for (const r of parser.parse(text, REFERENCE)) {
    const s = r.start;
    if (!s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) continue;
    const hasTime = s.isCertain('hour');
    const y = s.get('year') ?? 0;
    const mo = (s.get('month') ?? 1) - 1;
    const d = s.get('day') ?? 1;
    const h = hasTime ? (s.get('hour') ?? 0) : 0;
    const mi = hasTime ? (s.get('minute') ?? 0) : 0;
    const offset = hasTime && s.isCertain('timezoneOffset') ? (s.get('timezoneOffset') ?? 0) : 0;
    const date = new Date(Date.UTC(y, mo, d, h, mi) - offset * 60_000);
    if (Number.isNaN(date.getTime())) continue;
    return { date, text: r.text, index: r.index, hasTime };
  }
  return null;
}

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A machine-readable date (JSON-LD, `<time datetime>`, meta): ISO 8601 or RFC 2822. Null when it cannot be read.
 * A date-only or zone-less value is read as UTC.
 */
export function parseMachineDate(value: string): Date | null {
  const v = value.trim();
  if (!v) return null;
  if (ISO.test(v)) {
    const zoneless = !/(?:Z|[+-]\d{2}:?\d{2})$/i.test(v) || /^\d{4}-\d{2}-\d{2}$/.test(v);
    const norm = v.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    const d = new Date(zoneless && norm.length > 10 ? `${norm}Z` : norm);
    if (Number.isNaN(d.getTime())) return null;
    // reject roll-overs such as 2025-02-30
    const [y, m, day] = v.slice(0, 10).split('-').map(Number);
    const check = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, day ?? 1));
    if (check.getUTCMonth() !== (m ?? 1) - 1 || check.getUTCDate() !== day) return null;
    return d;
  }
  if (/^[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}/.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return findDate(v)?.date ?? null;
}

/** The `/YYYY/MM/DD/` date in a url path, if any. */
export function dateFromUrl(url: string): Date | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(path);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo, d));
  return date.getUTCMonth() === mo && date.getUTCDate() === d ? date : null;
}
