/**
 * Runs the real `supervisor` binary as a child process (like nats.js' nst harness runs the real
 * server) and watches its JSON log lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/supervisor.js', import.meta.url));
/**
 * Node flags the binary runs with in `npm start` and the Dockerfile: a larger young generation,
 * so room states replaced within a few thousand events die young instead of being promoted
 * (BENCHMARKS.md, "Engine in process").
 */
export const SUPERVISOR_NODE_FLAGS = ['--max-semi-space-size=64'];

/**
 * How long to wait for a role restarted after a kill -9 to log that it started ("worker
 * consuming", "gateway listening"). Those lines come once its consumer has joined the group,
 * and that join waits until the broker expires the dead member's session (30 s). On a loaded
 * machine the whole start has taken over 60 s, the default wait.
 */
export const START_AFTER_KILL_MS = 150_000;

let dataDir: string | null = null;
const fileDataDir = () => (dataDir ??= mkdtempSync(join(tmpdir(), 'supervisor-data-')));

export type SupervisorProcess = {
  proc: ChildProcess;
  lines: string[];
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Sends the signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  alive(): boolean;
};

export function spawnSupervisor(args: string[], env: Record<string, string>): SupervisorProcess {
  // TEST_CPU_PROF_DIR writes a V8 CPU profile of every child there when it exits (BENCHMARKS.md).
  const prof = process.env.TEST_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.TEST_CPU_PROF_DIR}`] : [];
  // TEST_NODE_FLAGS (space-separated) adds Node/V8 flags to every child, e.g. --single-threaded-gc.
  const extra = (process.env.TEST_NODE_FLAGS ?? '').split(/\s+/).filter((f) => f.length > 0);
  const proc = spawn(process.execPath, [...SUPERVISOR_NODE_FLAGS, ...extra, ...prof, BIN, ...args], {
    // One data dir per test file (not the repo's ./data) unless the test names one; processes of
    // a file share it, as they would share ./data on one machine.
    env: { ...process.env, LOG_LEVEL: 'info', SUPERVISOR_DATA_DIR: fileDataDir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  // TEST_LOG_DIR keeps every child's log in <dir>/<pid>.log, to read after a failed run.
  const logFile = process.env.TEST_LOG_DIR ? join(process.env.TEST_LOG_DIR, `${proc.pid}.log`) : undefined;
  const waiters: Array<{ pattern: RegExp; resolve: (l: string) => void }> = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.length === 0) continue;
      lines.push(line);
      if (logFile !== undefined) appendFileSync(logFile, `${line}\n`);
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    proc,
    lines,
    waitFor(pattern, timeoutMs = 60_000) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; last lines:\n${lines.slice(-15).join('\n')}`)), timeoutMs);
        waiters.push({ pattern, resolve: (l) => (clearTimeout(t), resolve(l)) });
        exited.then(() => {
          clearTimeout(t);
          reject(new Error(`process exited while waiting for ${pattern}; last lines:\n${lines.slice(-15).join('\n')}`));
        });
      });
    },
    async kill(signal = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      await exited;
    },
    alive: () => proc.exitCode === null && proc.signalCode === null,
  };
}
