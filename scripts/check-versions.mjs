#!/usr/bin/env node
// Fails when any installed copy of a dependency is below the first version without a known
// advisory. Reads the pnpm store in node_modules/.pnpm, so it needs no network.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

export const FLOORS = {
  // GHSA-gpj5-g38j-94v9 / CVE-2026-39356: SQL identifiers escaped improperly (sql.identifier, .as)
  'drizzle-orm': '>=0.45.2 <1.0.0-0 || >=1.0.0-beta.20',
  // prototype pollution in the multipart request parser (graphql-yoga PR #4557, fixed in 5.21.3)
  'graphql-yoga': '>=5.21.3',
  // CVE-2023-26144: OverlappingFieldsCanBeMergedRule denial of service, in 16.3.0 up to 16.8.0
  // (the benchmark's PostGraphile 4 peer brings graphql 15, which the advisory does not cover)
  graphql: '<16.3.0 || >=16.8.1',
};

/** Every `name@version` installed under a pnpm virtual store directory. */
export function installed(storeDir) {
  const found = [];
  for (const entry of readdirSync(storeDir)) {
    // entries look like `drizzle-orm@1.0.0-rc.4_peer…` or `@scope+name@1.2.3`
    const match = /^(@?[^@]+)@([^_]+)/.exec(entry);
    if (!match) continue;
    found.push({ name: match[1].replace('+', '/'), version: match[2] });
  }
  return found;
}

export function violations(storeDir, floors = FLOORS) {
  return installed(storeDir)
    .filter(({ name }) => name in floors)
    .filter(({ name, version }) => !semver.satisfies(version, floors[name], { includePrerelease: true }))
    .map(({ name, version }) => `${name}@${version} is below ${floors[name]}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const storeDir = process.argv[2] ?? 'node_modules/.pnpm';
  const bad = violations(storeDir);
  if (bad.length) {
    console.error(`dependency versions with known advisories:\n  ${bad.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`dependency floors hold (${Object.keys(FLOORS).join(', ')})`);
}
