import type { ArticleInput } from './articles.js';
import type { SourceInput } from './sources.js';

// Everything here is invented: outlets, people, places and events. It exists so that a fresh
// install shows every concept newsgraph keeps, with no real article text in the repository.

export const outlets = {
  meridian: { name: 'Meridian Wire', kind: 'WIRE_AGENCY', aliases: ['Meridian'], domain: 'meridianwire.example' },
  calder: { name: 'The Calder Post', kind: 'OUTLET', aliases: ['Calder Post'], domain: 'calderpost.example' },
  northgate: { name: 'Northgate Daily', kind: 'OUTLET', aliases: ['The Northgate'], domain: 'northgatedaily.example' },
  lakeshore: { name: 'Lakeshore Ledger', kind: 'OUTLET', aliases: [], domain: 'lakeshoreledger.example' },
  harborRadio: { name: 'Harbor Radio', kind: 'OUTLET', aliases: [], domain: 'harborradio.example' },
  institute: {
    name: 'Institute for Coastal Economics',
    kind: 'ORGANIZATION',
    aliases: ['ICE'],
    domain: 'coastal-economics.example',
  },
} satisfies Record<string, SourceInput>;

const beacon: SourceInput = { name: 'Beacon Images', kind: 'PHOTO_AGENCY' };
const varga: SourceInput = { name: 'Ines Varga', kind: 'PERSON' };
const authority: SourceInput = { name: 'Valdren Port Authority', kind: 'GOVERNMENT', aliases: ['the port authority'] };
const officials: SourceInput = { name: 'port officials familiar with the plans', kind: 'ANONYMOUS', anonymousCount: 2 };
const person = (name: string): SourceInput => ({ name, kind: 'PERSON' });

const url = (outlet: { domain: string }, path: string) => `https://${outlet.domain}/${path}`;

export const demoUrls = {
  wire: url(outlets.meridian, '2026/03/02/valdren-port-weighs-ending-night-shifts'),
  wireFollowUp: url(outlets.meridian, '2026/03/09/valdren-port-delays-night-shift-decision'),
  calder: url(outlets.calder, '2026/03/02/night-shifts-valdren-terminal'),
  calderBackground: url(outlets.calder, '2025/11/14/how-valdren-terminal-became-busiest'),
  calderLibrary: url(outlets.calder, '2026/03/04/library-weekend-hours'),
  northgate: url(outlets.northgate, '2026/03/03/port-night-shift-cuts'),
  northgateOpinion: url(outlets.northgate, '2026/03/05/opinion-quiet-nights'),
  lakeshore: url(outlets.lakeshore, '2026/03/03/port-night-shift-cuts'),
  harborRadio: url(outlets.harborRadio, '2026/03/03/what-the-night-shift-plan-means'),
  institute: url(outlets.institute, 'reports/2026/night-freight'),
  /** Referenced by The Calder Post but never imported: stays an unresolved reference. */
  missing: url(outlets.northgate, '2026/03/01/dockworkers-union-emergency-meeting'),
} as const;

const WIRE_TITLE = 'Valdren Port Authority Weighs Ending Night Shifts at Container Terminal';
const CALDER_TITLE = 'Valdren Terminal Could Go Dark at Night, Meridian Wire Reports';
const NORTHGATE_TITLE = 'Port Night-Shift Cuts on the Table, Sources Say';

const northgateBody = [
  'The Valdren Port Authority is considering an end to night shifts at its main container terminal, Meridian Wire reported on Monday, citing two port officials familiar with the plans.',
  'A decision could come within weeks. Shipping lines that use the terminal have not been told, according to the report.',
  'The port authority declined to comment.',
];

/** The demo articles, in the order they are stored (targets of resolved references first). */
export const demoArticles: Omit<ArticleInput, 'createdBy'>[] = [
  {
    url: demoUrls.calderBackground,
    title: "How Valdren's Container Terminal Became the Region's Busiest",
    publishedAt: new Date('2025-11-14T08:00:00Z'),
    language: 'en',
    publisher: outlets.calder,
    paragraphs: [
      'Ten years ago the container terminal at Valdren handled a third of the freight it moves today.',
      'Round-the-clock operations, introduced in 2019, let the terminal clear ships in a single tide, harbor pilots say.',
      'The terminal now employs more than 3,000 people across three shifts.',
    ],
    attributions: [
      { role: 'PUBLISHER', source: outlets.calder },
      { role: 'AUTHOR', source: person('Aline Okafor'), evidence: 'By Aline Okafor' },
    ],
    references: [],
  },
  {
    url: demoUrls.institute,
    title: 'Night Freight and the Coastal Economy',
    publishedAt: new Date('2026-01-20T10:00:00Z'),
    language: 'en',
    publisher: outlets.institute,
    paragraphs: [
      'Night operations account for roughly 40 percent of container moves at the region’s three largest ports.',
      'Ending them at Valdren would shift an estimated 180,000 containers a year to road haulage, the institute estimates.',
    ],
    attributions: [{ role: 'PUBLISHER', source: outlets.institute }],
    references: [],
  },
  {
    url: demoUrls.wire,
    title: WIRE_TITLE,
    publishedAt: new Date('2026-03-02T06:30:00Z'),
    language: 'en',
    publisher: outlets.meridian,
    paragraphs: [
      'The Valdren Port Authority is weighing an end to night shifts at its container terminal, two port officials familiar with the plans told Meridian Wire.',
      'About 1,200 night-shift workers would be moved to day shifts or offered buyouts under the proposal, the officials said, speaking on condition of anonymity because the plan is not public.',
      'The port authority said in a statement that it "reviews its operating hours every year" and had made no decision.',
    ],
    attributions: [
      { role: 'PUBLISHER', source: outlets.meridian },
      { role: 'AUTHOR', source: person('Tomas Reyl'), evidence: 'By Tomas Reyl' },
      {
        role: 'ANONYMOUS_SOURCE',
        source: officials,
        via: outlets.meridian,
        evidence: 'two port officials familiar with the plans told Meridian Wire',
        paragraphIndex: 0,
      },
      {
        role: 'NAMED_SOURCE',
        source: authority,
        evidence: 'The port authority said in a statement that it "reviews its operating hours every year"',
        paragraphIndex: 2,
      },
    ],
    references: [],
  },
  {
    url: demoUrls.calder,
    title: CALDER_TITLE,
    publishedAt: new Date('2026-03-02T11:15:00Z'),
    language: 'en',
    publisher: outlets.calder,
    paragraphs: [
      'Valdren’s container terminal could stop working at night for the first time since 2019, Meridian Wire reported on Monday, citing two port officials familiar with the plans.',
      'The change would affect about 1,200 night-shift workers, according to the report. Night operations carry a large share of the region’s freight, a study by the Institute for Coastal Economics found in January.',
      'The dockworkers’ union has called an emergency meeting, Northgate Daily reported over the weekend.',
    ],
    attributions: [
      { role: 'PUBLISHER', source: outlets.calder },
      { role: 'AUTHOR', source: person('Aline Okafor'), evidence: 'By Aline Okafor' },
      {
        role: 'WIRE_ORIGIN',
        source: outlets.meridian,
        evidence: 'Meridian Wire reported on Monday, citing two port officials familiar with the plans.',
        paragraphIndex: 0,
      },
      {
        role: 'ANONYMOUS_SOURCE',
        source: officials,
        via: outlets.meridian,
        evidence: 'citing two port officials familiar with the plans',
        paragraphIndex: 0,
      },
      {
        role: 'DOCUMENT_SOURCE',
        source: outlets.institute,
        evidence: 'a study by the Institute for Coastal Economics found in January',
        paragraphIndex: 1,
      },
      { role: 'PHOTO_CREDIT', source: varga, evidence: 'Ines Varga / Beacon Images' },
      { role: 'PHOTO_CREDIT', source: beacon, evidence: 'Ines Varga / Beacon Images' },
    ],
    references: [
      { kind: 'RE_REPORTS', anchorText: 'reported', paragraphIndex: 0, targetUrl: demoUrls.wire },
      { kind: 'CITES', anchorText: 'a study', paragraphIndex: 1, targetUrl: demoUrls.institute },
      {
        kind: 'CITES',
        anchorText: 'called an emergency meeting',
        paragraphIndex: 2,
        targetUrl: demoUrls.missing,
        targetTitle: "Dockworkers' Union Calls Emergency Meeting",
      },
      { kind: 'RELATED', targetTitle: "How Valdren's Container Terminal Became the Region's Busiest" },
    ],
  },
  {
    url: demoUrls.northgate,
    title: NORTHGATE_TITLE,
    publishedAt: new Date('2026-03-03T07:00:00Z'),
    language: 'en',
    publisher: outlets.northgate,
    paragraphs: northgateBody,
    attributions: [
      { role: 'PUBLISHER', source: outlets.northgate },
      { role: 'AUTHOR', source: person('Petra Lund'), evidence: 'By Petra Lund' },
      {
        role: 'WIRE_ORIGIN',
        source: outlets.meridian,
        evidence: 'Meridian Wire reported on Monday, citing two port officials familiar with the plans.',
        paragraphIndex: 0,
      },
      {
        role: 'ANONYMOUS_SOURCE',
        source: officials,
        via: outlets.meridian,
        evidence: 'citing two port officials familiar with the plans',
        paragraphIndex: 0,
      },
    ],
    references: [{ kind: 'RE_REPORTS', anchorText: 'reported', paragraphIndex: 0, targetUrl: demoUrls.wire }],
  },
  {
    url: demoUrls.lakeshore,
    title: NORTHGATE_TITLE,
    publishedAt: new Date('2026-03-03T09:45:00Z'),
    language: 'en',
    publisher: outlets.lakeshore,
    // a verbatim copy, shared under a syndication agreement
    paragraphs: [...northgateBody, 'This story was first published by Northgate Daily.'],
    attributions: [
      { role: 'PUBLISHER', source: outlets.lakeshore },
      {
        role: 'CONTRIBUTOR',
        source: outlets.northgate,
        evidence: 'This story was first published by Northgate Daily.',
        paragraphIndex: 3,
      },
    ],
    references: [{ kind: 'SYNDICATES', targetUrl: demoUrls.northgate, paragraphIndex: 3 }],
  },
  {
    url: demoUrls.harborRadio,
    title: 'What the Night-Shift Plan Means for Valdren',
    publishedAt: new Date('2026-03-03T18:00:00Z'),
    language: 'en',
    publisher: outlets.harborRadio,
    paragraphs: [
      'As The Calder Post reported, the terminal could go quiet at night for the first time in years.',
      'Listeners who work the night shift told us they learned of the plan from the news.',
    ],
    attributions: [
      { role: 'PUBLISHER', source: outlets.harborRadio },
      {
        role: 'WIRE_ORIGIN',
        source: outlets.calder,
        evidence: 'As The Calder Post reported, the terminal could go quiet at night',
        paragraphIndex: 0,
      },
    ],
    references: [{ kind: 'RE_REPORTS', anchorText: 'reported', paragraphIndex: 0, targetUrl: demoUrls.calder }],
  },
  {
    url: demoUrls.northgateOpinion,
    title: 'Opinion: Quiet Nights Would Cost Valdren More Than Sleep',
    publishedAt: new Date('2026-03-05T12:00:00Z'),
    language: 'en',
    publisher: outlets.northgate,
    paragraphs: [
      'The terminal "could stop working at night for the first time since 2019," The Calder Post wrote this week. It should not.',
      'Moving night freight to the roads would fill the coast highway with trucks, and the port’s own figures say as much.',
    ],
    attributions: [
      { role: 'PUBLISHER', source: outlets.northgate },
      { role: 'AUTHOR', source: person('Jonas Brekke'), evidence: 'By Jonas Brekke' },
      {
        role: 'NAMED_SOURCE',
        source: outlets.calder,
        evidence: 'The Calder Post wrote this week',
        paragraphIndex: 0,
      },
    ],
    references: [
      { kind: 'QUOTES', anchorText: 'could stop working at night', paragraphIndex: 0, targetUrl: demoUrls.calder },
    ],
  },
  {
    url: demoUrls.wireFollowUp,
    title: 'Valdren Port Authority Delays Decision on Night Shifts',
    publishedAt: new Date('2026-03-09T06:00:00Z'),
    language: 'en',
    publisher: outlets.meridian,
    paragraphs: [
      'The Valdren Port Authority has put off a decision on ending night shifts at its container terminal until the summer, a spokesperson said on Monday.',
      'Meridian Wire first reported the plan on March 2.',
    ],
    attributions: [
      { role: 'PUBLISHER', source: outlets.meridian },
      { role: 'AUTHOR', source: person('Tomas Reyl'), evidence: 'By Tomas Reyl' },
      { role: 'NAMED_SOURCE', source: authority, evidence: 'a spokesperson said on Monday', paragraphIndex: 0 },
    ],
    references: [{ kind: 'FOLLOWS_UP', anchorText: 'first reported', paragraphIndex: 1, targetUrl: demoUrls.wire }],
  },
  {
    url: demoUrls.calderLibrary,
    title: 'Calder City Library Extends Weekend Hours',
    publishedAt: new Date('2026-03-04T09:00:00Z'),
    language: 'en',
    publisher: outlets.calder,
    paragraphs: [
      'The Calder City Library will stay open until 8 p.m. on Saturdays and Sundays from April, the city council said.',
      'The change follows a petition signed by more than 4,000 residents.',
    ],
    attributions: [
      { role: 'PUBLISHER', source: outlets.calder },
      { role: 'NAMED_SOURCE', source: { name: 'Calder City Council', kind: 'GOVERNMENT' }, paragraphIndex: 0 },
    ],
    references: [],
  },
];

/** The correction on the wire report: it gets its own revision (version 2). */
export const demoCorrection = {
  url: demoUrls.wire,
  kind: 'CORRECTION' as const,
  note: 'An earlier version of this story misstated the number of night-shift workers affected. It is about 850, not 1,200.',
  paragraphIndex: 1,
  from: 'About 1,200 night-shift workers',
  to: 'About 850 night-shift workers',
};

export const DEMO_TITLES = { WIRE_TITLE, CALDER_TITLE, NORTHGATE_TITLE };
