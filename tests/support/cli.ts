import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// what `pnpm start` / `pnpm newsgraph` run: the server bundle (rebuilt when a source is newer), or the
// sources through tsx with NEWSGRAPH_NO_BUNDLE=1; node itself, so signals reach the server directly
const cliEntry = fileURLToPath(new URL('../../packages/server/scripts/run.mjs', import.meta.url));
const node = process.execPath;
const loader: string[] = [];

/** Runs `newsgraph <args>` as the README's `pnpm newsgraph` would, with its own environment. */
export async function runCli(args: string[], env: Record<string, string | undefined>) {
  const { stdout, stderr } = await promisify(execFile)(node, [...loader, cliEntry, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: undefined, ...env },
    timeout: 120_000,
  });
  return { stdout, stderr };
}

/** Starts `newsgraph serve` on a free port and resolves once it prints its GraphiQL URL. */
export async function startServer(
  env: Record<string, string | undefined>,
): Promise<{ url: string; process: ChildProcess; output: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(node, [...loader, cliEntry, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphiQL at (http:\/\/[^\s]+)\/graphql/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
