import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve(import.meta.dirname, '../../bin/article-pipeline.js');

/** The built CLI in a child process, for the tests that need real processes (distributed runs). */
export interface CliProcess {
  readonly child: ChildProcess;
  /** The exit code, 128 when killed by a signal. */
  readonly exited: Promise<number>;
  /** Everything it printed so far, stderr and stdout together. */
  output(): string;
}

export function startCliProcess(cwd: string, args: readonly string[]): CliProcess {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
  return { child, exited, output: () => output };
}

/** Kills by PID every process still running, so a failed test leaves none behind. */
export function killRunning(processes: readonly CliProcess[]): void {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
}
