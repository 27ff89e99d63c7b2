/**
 * WAL checkpoints on a thread of their own. SQLite checkpoints the write-ahead log inside the
 * commit that pushes it past 1,000 pages, and that commit then copies and syncs the pages on the
 * caller's thread: in the gateway, the event loop every alert waits on (100–130 ms, about every
 * 20 s at 5,000 events/s). With a checkpointer the store turns that off (`wal_autocheckpoint =
 * 0`) and this thread runs PASSIVE checkpoints, which never block the writer, on a connection
 * of its own. If the thread dies, the store turns automatic checkpoints back on.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// CommonJS, run with eval: better-sqlite3 comes by absolute path, so the process's working
// directory does not matter.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export type WalCheckpointer = { stop(): Promise<void> };

export function startWalCheckpointer(opts: {
  file: string;
  intervalMs: number;
  /** The thread failed or exited by itself: the caller falls back to automatic checkpoints. */
  onFailure(err: Error): void;
}): WalCheckpointer {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(SOURCE, { eval: true, workerData: { file: opts.file, intervalMs: opts.intervalMs, sqlite } });
  worker.unref();
  let stopping = false;
  let failed = false;
  const fail = (err: Error): void => {
    if (stopping || failed) return;
    failed = true;
    opts.onFailure(err);
  };
  worker.on('message', (m: { error: string }) => fail(new Error(`WAL checkpoint failed: ${m.error}`)));
  worker.on('error', fail);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  void exited.then(() => fail(new Error('WAL checkpoint thread exited')));
  return {
    async stop() {
      stopping = true;
      worker.postMessage('stop');
      await exited;
    },
  };
}
