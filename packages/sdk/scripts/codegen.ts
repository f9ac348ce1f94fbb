import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.js';

// Generates src/gql from ../server/schema.graphql and src/operations. With --check it writes nothing
// and fails when the committed output differs from what the schema and operations produce now
// (stale, missing or extra files), so CI catches a schema or operation change without a regenerate.
const sdkDir = fileURLToPath(new URL('..', import.meta.url));
process.chdir(sdkDir);
const outDir = join(sdkDir, 'src/gql');
const check = process.argv.includes('--check');

const outputs: { filename: string; content: string }[] = await generate(
  { ...config, silent: true, verbose: false },
  false,
);
const expected = new Map(outputs.map((o) => [relative(outDir, join(sdkDir, o.filename)), o.content]));

if (check) {
  const committed = existsSync(outDir) ? readdirSync(outDir) : [];
  const problems: string[] = [];
  for (const [file, content] of expected) {
    const path = join(outDir, file);
    if (!existsSync(path)) problems.push(`missing ${file}`);
    else if (readFileSync(path, 'utf8') !== content) problems.push(`stale ${file}`);
  }
  for (const file of committed) if (!expected.has(file)) problems.push(`extra ${file}`);
  if (problems.length) {
    console.error(`packages/sdk/src/gql disagrees with the schema and operations (${problems.join(', ')}):`);
    console.error('run `pnpm codegen` and commit the result');
    process.exit(1);
  }
  console.log(`packages/sdk/src/gql is up to date (${expected.size} files)`);
} else {
  mkdirSync(outDir, { recursive: true });
  for (const [file, content] of expected) writeFileSync(join(outDir, file), content);
  console.log(`wrote ${expected.size} files to ${relative(process.cwd(), outDir) || '.'}`);
}
