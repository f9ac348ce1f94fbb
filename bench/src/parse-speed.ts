/**
 * How long `parseArticle` takes on ~1 MB of dense article text: `pnpm tsx bench/src/parse-speed.ts`.
 *
 * The input is built from one seed, so every run parses the same text: fictional people and places, real outlet
 * names only where the rules are about them, and the sentence shapes of the package's tests (outlets reporting,
 * "according to", anonymous sources, governments and institutes speaking, quotes, `<u>` anchors, documents).
 * Prints the median of several parses after a warm-up, and a hash of the draft so a speed-up can be checked
 * not to have changed what is extracted.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseArticle } from '@newsgraph/ingest';
import { rng } from './rng.js';

const { values: opts } = parseArgs({
  options: {
    bytes: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '9' },
    warmup: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
  },
});

const FIRST = 'Marina Arvid Lena Tomas Omar Irina Pavel Oleg Nadia Karl Sofia Ilya Greta Ruslan Mirela Anton'.split(
  ' ',
);
const LAST = 'Kestrel Holm Vostrikova Reyes Haddad Solntseva Orlov Brandt Lindqvist Sorokin Varga Petrenko'.split(' ');
const PLACES = 'Northgate Eastmoor Kellby Dunmarsh Orrin Saltbridge Varnholm Westreach'.split(' ');
const OUTLETS = ['Reuters', 'Bloomberg', 'Interfax', 'Kommersant', 'the Financial Times', 'Meduza', 'TASS', 'AFP'];
const BODIES = ['port authority', 'harbor board', 'ferry company', 'city council', 'shipping union'];
const GOVS = ['Russia’s Economy Ministry', 'the Interior Ministry', 'the State Department', 'the Kremlin'];
const THINGS = ['harbor deal', 'canal plan', 'ferry contract', 'dredging tender', 'bridge project', 'grain terminal'];
const DAYS = 'Monday Tuesday Wednesday Thursday Friday'.split(' ');
const QUOTES = [
  'We will try again next spring',
  'a missed chance',
  'too risky',
  'The numbers simply do not add up',
  'track two',
  'nobody expected the costs to triple',
];
const FILLER = [
  'Dredgers have waited at the mouth of the canal since March.',
  'The old terminal was built in 1962 and has not been repaired since the floods.',
  'Freight volumes fell by a fifth last year as shipping lines moved further south.',
  'Residents have complained about the noise from night work at the yard.',
  'The regional budget for the coming year has not yet been approved.',
  'Port workers gathered outside the gates on Tuesday morning.',
];

function buildArticle(bytes: number, seed: number): string {
  const r = rng(seed);
  const name = () => `${r.pick(FIRST)} ${r.pick(LAST)}`;
  const sentence = (): string => {
    const place = r.pick(PLACES);
    const thing = r.pick(THINGS);
    const outlet = r.pick(OUTLETS);
    const day = r.pick(DAYS);
    switch (Math.floor(r.next() * 14)) {
      case 0:
        return `The ${place} ${thing} collapsed, ${outlet} <u>reported</u> on ${day}, citing sources familiar with the matter.`;
      case 1:
        return `According to ${outlet}, two unnamed officials said the ${thing} would be delayed until autumn.`;
      case 2:
        return `"${r.pick(QUOTES)}," ${r.pick(LAST)} told ${outlet}.`;
      case 3:
        return `Port director ${name()} said the ${thing} had been "${r.pick(QUOTES)}" from the start.`;
      case 4:
        return `${r.pick(GOVS).replace(/^t/, 'T')} said it would review the ${thing}.`;
      case 5:
        return `The ${place} Maritime Institute said dredging costs had tripled.`;
      case 6:
        return `A source close to the ${r.pick(BODIES)} said the ${thing} had <u>stalled</u> again.`;
      case 7:
        return `The ${thing} was doomed, according to a confidential memo seen by ${outlet}.`;
      case 8:
        return `${place} officials reopened the canal on ${day}, and city officials welcomed the news.`;
      case 9:
        return `As The Moscow Times <u>previously reported</u>, the financing of the ${thing} was shaky.`;
      case 10:
        return `Investor ${name()} pulled out after a dispute with ${name()}, who declined to comment.`;
      case 11:
        return `Three people who spoke on condition of anonymity told ${outlet} the ${thing} had been shelved.`;
      default:
        return r.pick(FILLER);
    }
  };
  const lines = [`${r.pick(PLACES)} Harbor Deal Collapses – Reuters`, 'June 4, 2025', `By ${name()} and ${name()}`];
  let size = lines.join('\n\n').length;
  while (size < bytes) {
    const n = 2 + Math.floor(r.next() * 3);
    const p = Array.from({ length: n }, sentence).join(' ');
    lines.push(p);
    size += p.length + 2;
  }
  return lines.join('\n\n');
}

const content = buildArticle(Number(opts.bytes), Number(opts.seed));
const parse = () => parseArticle({ content, format: 'TEXT', url: 'https://www.themoscowtimes.com/2025/06/04/harbor' });

for (let i = 0; i < Number(opts.warmup); i++) parse();
const times: number[] = [];
const cpuTimes: number[] = [];
let draft = parse();
for (let i = 0; i < Number(opts.runs); i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  draft = parse();
  const c = process.cpuUsage(c0);
  times.push(performance.now() - t0);
  cpuTimes.push((c.user + c.system) / 1000);
}
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const hash = createHash('sha256').update(JSON.stringify(draft)).digest('hex').slice(0, 16);
console.log(
  `${(Buffer.byteLength(content) / 1e6).toFixed(2)} MB, ${draft.paragraphs.length} paragraphs, ` +
    `${draft.attributions.length} attributions, ${draft.quotes.length} quotes, ${draft.references.length} references`,
);
// CPU time is less at the mercy of other work on the machine (it includes the garbage collector's threads)
console.log(
  `median ${median(times).toFixed(1)} ms over ${times.length} runs (min ${times[0]?.toFixed(1)} ms, ` +
    `median CPU ${median(cpuTimes).toFixed(1)} ms); draft ${hash}`,
);
