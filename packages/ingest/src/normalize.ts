/** Key used to resolve references by title: lowercase, no diacritics, quotes or punctuation, single spaces. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Canonical form of a url for matching: lowercase scheme and host, no `www.`, no fragment, no `utm_*` parameters,
 * no trailing slash. A string that is not an absolute url comes back trimmed.
 */
export function normalizeUrl(url: string): string {
  const s = url.trim();
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return s;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return s;
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
  for (const key of [...u.searchParams.keys()]) if (/^utm_/i.test(key)) u.searchParams.delete(key);
  let out = `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}${u.searchParams.size ? `?${u.searchParams}` : ''}`;
  if (out.endsWith('/')) out = out.slice(0, -1);
  return out;
}

/** `href` made absolute against `base`; null for non-web links (mailto:, javascript:, bare fragments). */
export function absoluteUrl(href: string, base: string | null): string | null {
  const h = href.trim();
  if (!h || h.startsWith('#')) return null;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

const DOUBLE_SPACE = / {2}/;
const OTHER_SPACE = /[^\S ]/;
/**
 * Whitespace other than single spaces (`/[^\S ]| {2}/`): only then does a piece of text need squashing. Two tests, as
 * the regex engine scans a lone literal and a lone class each faster than their alternation.
 */
export const unevenSpace = (s: string): boolean => DOUBLE_SPACE.test(s) || OTHER_SPACE.test(s);

/** Collapse runs of whitespace (incl. non-breaking) to one space and trim. */
export const squash = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();
