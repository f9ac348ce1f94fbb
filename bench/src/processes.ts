import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export const ROOT = new URL('../../', import.meta.url).pathname;

const children = new Set<ChildProcess>();
const killAll = () => {
  for (const c of children) if (c.pid) killGroup(c.pid, 'SIGKILL');
};
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {}
  }
}

export interface Started {
  child: ChildProcess;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts a process in its own group (so stopping it stops what it started) and keeps its output. */
export function start(command: string, args: string[], env: Record<string, string | undefined>): Started {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let log = '';
  const keep = (b: Buffer) => {
    log = (log + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    pid: child.pid as number,
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(child.pid as number, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child.pid as number, 'SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident set size of a process in MB, or 0 when it is gone. */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** CPU ms of every process whose group or command matches, summed over /proc. */
export function cpuMs(match: (stat: string[], command: string) => boolean): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = text.lastIndexOf(')');
      const command = text.slice(text.indexOf('(') + 1, close);
      // fields after the command: state ppid pgrp … utime (14th field overall) stime (15th)
      const fields = text.slice(close + 2).split(' ');
      if (match(fields, command)) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended while we read it
    }
  }
  return ticks * (1000 / 100) /* USER_HZ */;
}

/** Polls until `ready()` is true or the process dies or time runs out. */
export async function waitReady(started: Started, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`process exited:\n${started.output()}`);
    if (await ready().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`not ready after ${timeoutMs} ms:\n${started.output()}`);
}
