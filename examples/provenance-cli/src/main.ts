#!/usr/bin/env node
// newsgraph-provenance <article url or id> [--server http://localhost:4000] [--depth N]
//
// Who reported this first, who repeated it, on whose word, and has any link in that chain since
// been corrected? Uses @newsgraph/sdk through its package exports only.
import { type Correction, createClient, NewsgraphError, type ProvenanceStep } from '@newsgraph/sdk';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function describeStep(step: ProvenanceStep): string {
  const indent = '  '.repeat(step.depth);
  if (step.article) {
    const publisher = step.article.publisher?.name ?? 'unknown publisher';
    const how = step.kind ? step.kind.toLowerCase().replaceAll('_', '-') : 'links';
    const status = step.article.status === 'PUBLISHED' ? '' : ` [${step.article.status}]`;
    return `${indent}↳ ${how} "${step.article.title}" (${publisher})${status}`;
  }
  if (step.source) {
    const role = step.role ? step.role.toLowerCase().replaceAll('_', ' ') : 'source';
    const relayed = step.source.relayedBy ? `, via ${step.source.relayedBy.name}` : '';
    return `${indent}• ${role}: ${step.source.name} (${step.source.kind.toLowerCase()}${relayed})`;
  }
  return `${indent}?`;
}

function describeCorrection(correction: Correction): string {
  const day = correction.createdAt.slice(0, 10);
  return `  ! ${day} ${correction.kind} to "${correction.article.title}": ${correction.note}`;
}

async function main(): Promise<number> {
  const target = process.argv.slice(2).find((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
  if (!target) {
    console.error('usage: newsgraph-provenance <article url or id> [--server URL] [--depth N]');
    return 2;
  }
  const server = option('server') ?? process.env.NEWSGRAPH_URL ?? 'http://localhost:4000';
  const maxDepth = option('depth') ? Number(option('depth')) : undefined;
  const client = createClient({ url: server, apiKey: process.env.NEWSGRAPH_API_KEY });

  const article = await client.getArticle(/^https?:\/\//.test(target) ? { url: target } : { id: target });
  if (!article) {
    console.error(`no article ${target} on ${client.url}`);
    return 1;
  }
  const [steps, corrections] = await Promise.all([
    client.getProvenance(article.id, { maxDepth }),
    client.getUpstreamCorrections(article.id, { maxDepth }),
  ]);

  console.log(`${article.title}`);
  console.log(
    `${article.publisher?.name ?? 'unknown publisher'} · ${article.url} · v${article.version} ${article.status}`,
  );
  console.log('');
  console.log('Provenance (upstream, nearest first):');
  if (!steps?.length) console.log('  (nothing upstream: this looks like original reporting)');
  for (const step of steps ?? []) console.log(describeStep(step));
  console.log('');
  if (corrections?.length) {
    console.log(`Upstream corrections (${corrections.length}):`);
    for (const correction of corrections) console.log(describeCorrection(correction));
  } else {
    console.log('No upstream corrections.');
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof NewsgraphError) {
      console.error(`newsgraph ${error.kind} error${error.status ? ` (HTTP ${error.status})` : ''}: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  },
);
