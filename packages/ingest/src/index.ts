import { analyze } from './analyze.js';
import { extractHtml } from './parse-html.js';
import { extractText } from './parse-text.js';
import { type ArticleDraft, IngestValidationError, type ParseInput } from './types.js';

export { normalizeTitle, normalizeUrl } from './normalize.js';
export { findKnownOutlet } from './outlets.js';
export * from './types.js';

/** Inputs above this size are refused. @default 10 MiB */
export const MAX_CONTENT_BYTES = 10 * 1024 * 1024;

/** HTML when it has document-level or block-level tags; `<u>` alone (anchor marks in scraped text) stays text. */
export function detectFormat(content: string): 'TEXT' | 'HTML' {
  const head = content.slice(0, 4096);
  if (/^\s*(?:<!doctype html|<html[\s>]|<\?xml)/i.test(head)) return 'HTML';
  return /<(?:html|head|body|article|main|div|p|h1|meta|title|section|script)[\s>/]/i.test(head) ? 'HTML' : 'TEXT';
}

function validate(input: ParseInput): { content: string; format: 'TEXT' | 'HTML'; url: string | null } {
  if (input === null || typeof input !== 'object') throw new IngestValidationError('input must be an object', 'input');
  const { content } = input;
  if (typeof content !== 'string') throw new IngestValidationError('content must be a string', 'content');
  if (content.length > MAX_CONTENT_BYTES || Buffer.byteLength(content, 'utf8') > MAX_CONTENT_BYTES)
    throw new IngestValidationError(`content is larger than ${MAX_CONTENT_BYTES} bytes`, 'content');
  if (!content.trim()) throw new IngestValidationError('content is empty', 'content');
  if (content.includes('\0')) throw new IngestValidationError('content is binary (contains NUL bytes)', 'content');
  const sample = content.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 127 || c === 0xfffd) control++;
  }
  if (control / sample.length > 0.1)
    throw new IngestValidationError('content is binary (too many control characters)', 'content');
  if (input.format !== undefined && input.format !== 'TEXT' && input.format !== 'HTML')
    throw new IngestValidationError(`format must be TEXT or HTML, not ${String(input.format)}`, 'format');
  let url: string | null = null;
  if (input.url !== undefined && input.url !== null && input.url !== '') {
    if (typeof input.url !== 'string' || !URL.canParse(input.url) || !/^https?:/i.test(input.url))
      throw new IngestValidationError(`url is not an absolute http(s) url: ${String(input.url).slice(0, 200)}`, 'url');
    url = input.url;
  }
  return { content, format: input.format ?? detectFormat(content), url };
}

/**
 * Parses article text or HTML into a draft. Pure: no network, no database.
 * Throws only IngestValidationError, whose `field` names what is wrong.
 */
export function parseArticle(input: ParseInput): ArticleDraft {
  const { content, format, url } = validate(input);
  try {
    const extracted = format === 'HTML' ? extractHtml(content, url) : extractText(content, url);
    return analyze(extracted);
  } catch (e) {
    if (e instanceof IngestValidationError) throw e;
    // a parser bug must not surface as an arbitrary error to callers that switch on validation errors
    throw new IngestValidationError(
      `content could not be parsed: ${e instanceof Error ? e.message : String(e)}`,
      'content',
    );
  }
}
