export type SourceKind =
  | 'OUTLET'
  | 'WIRE_AGENCY'
  | 'PHOTO_AGENCY'
  | 'PERSON'
  | 'ANONYMOUS'
  | 'ORGANIZATION'
  | 'GOVERNMENT'
  | 'DOCUMENT';

export type AttributionRole =
  | 'AUTHOR'
  | 'PUBLISHER'
  | 'WIRE_ORIGIN'
  | 'NAMED_SOURCE'
  | 'ANONYMOUS_SOURCE'
  | 'DOCUMENT_SOURCE'
  | 'PHOTO_CREDIT'
  | 'CONTRIBUTOR';

export type CrossReferenceKind =
  | 'RE_REPORTS'
  | 'QUOTES'
  | 'CITES'
  | 'RELATED'
  | 'SYNDICATES'
  | 'PRIMARY_SOURCE'
  | 'CORRECTS'
  | 'FOLLOWS_UP';

export type CorrectionKind = 'CORRECTION' | 'CLARIFICATION' | 'UPDATE' | 'EDITORS_NOTE' | 'RETRACTION';

export interface DraftSource {
  name: string;
  kind: SourceKind;
  aliases: string[];
  domain: string | null;
  anonymousCount: number | null;
  /** for ANONYMOUS: name of the relaying outlet */
  relayedBy: string | null;
}

export interface DraftAttribution {
  role: AttributionRole;
  source: DraftSource;
  via: DraftSource | null;
  evidence: string | null;
  paragraphIndex: number | null;
}

export interface DraftReference {
  kind: CrossReferenceKind;
  anchorText: string | null;
  /** index into `paragraphs`; null when the reference sits outside the body (related lines, boilerplate) */
  paragraphIndex: number | null;
  targetUrl: string | null;
  targetTitle: string | null;
}

export interface DraftQuote {
  text: string;
  paragraphIndex: number;
  source: DraftSource | null;
}

export interface DraftCorrection {
  kind: CorrectionKind;
  note: string;
  date: Date | null;
}

export interface ArticleDraft {
  url: string | null;
  title: string;
  publishedAt: Date | null;
  modifiedAt: Date | null;
  language: string | null;
  paragraphs: string[];
  publisher: DraftSource | null;
  attributions: DraftAttribution[];
  references: DraftReference[];
  quotes: DraftQuote[];
  corrections: DraftCorrection[];
  tags: string[];
  warnings: string[];
}

export interface ParseInput {
  content: string;
  /** @default detected from the content */
  format?: 'TEXT' | 'HTML';
  url?: string | null;
}

/** The only error `parseArticle` throws; `field` names what is wrong (content, format, url, title, publishedAt, modifiedAt). */
export class IngestValidationError extends Error {
  override readonly name = 'IngestValidationError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** A link anchor inside a paragraph: offsets into the paragraph's plain text. */
export interface Anchor {
  text: string;
  start: number;
  end: number;
  href: string | null;
}

export interface RawParagraph {
  text: string;
  anchors: Anchor[];
}

/** What the text and HTML front ends hand to the shared analysis. */
export interface ExtractedArticle {
  url: string | null;
  title: string;
  /** the title as it stood, when a wire suffix was stripped from it */
  rawTitle: string | null;
  titleOutlet: DraftSource | null;
  /** the title carried a ` - media` style suffix: the story re-reports someone */
  reReported: boolean;
  publishedAt: Date | null;
  modifiedAt: Date | null;
  language: string | null;
  paragraphs: RawParagraph[];
  /** outlets named in a byline ("By Reuters") */
  bylineOutlets: Array<{ source: DraftSource; evidence: string }>;
  authors: Array<{ source: DraftSource; evidence: string | null }>;
  contributors: Array<{ source: DraftSource; evidence: string | null }>;
  photoCredits: Array<{ source: DraftSource; evidence: string | null }>;
  /** publisher named by the page itself (JSON-LD publisher, og:site_name) */
  publisherHint: DraftSource | null;
  /** dropped boilerplate lines (newsletter/donation boxes); an outlet they name may be a mirrored copy's origin */
  boilerplate: string[];
  references: DraftReference[];
  tags: string[];
  corrections: DraftCorrection[];
  warnings: string[];
}
