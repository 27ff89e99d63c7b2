import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, openSqliteStore } from './sqlite.js';
import { fakeAlert } from '../../tests/harness/fake-alert.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'wal-ckpt-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const size = (file: string) => statSync(file).size;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Big alerts, so a few hundred of them fill more WAL pages than SQLite's automatic threshold. */
const alertBatch = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const a = fakeAlert(`a${from + i}`);
    return { alert: { ...a, data: { ...a.data, summary: '全网最低'.repeat(800) } }, kind: 'new' as const };
  });

describe('WAL checkpoints on their own thread', () => {
  it('commits never checkpoint: the log grows past the automatic threshold', async () => {
    const dir = tempDir();
    const store = openSqliteStore({ dataDir: dir, walCheckpointMs: 60_000 }); // the thread waits a minute
    const db = join(dir, DB_FILE);
    const before = size(db);
    for (let i = 0; i < 10; i++) await store.ingest(alertBatch(i * 100, 100)); // ≈ 10 MB of log
    // SQLite would have checkpointed inside a commit after 1,000 pages (≈ 4 MB): it did not.
    expect(size(`${db}-wal`)).toBeGreaterThan(8 * 2 ** 20);
    expect(size(db)).toBe(before);
    await store.close();
  });

  it('the thread moves the log into the database file while the store is open; every alert reads back', async () => {
    const dir = tempDir();
    const store = openSqliteStore({ dataDir: dir, walCheckpointMs: 20 });
    const db = join(dir, DB_FILE);
    for (let i = 0; i < 10; i++) await store.ingest(alertBatch(i * 100, 100));
    for (let i = 0; i < 250 && size(db) < 8 * 2 ** 20; i++) await sleep(20);
    expect(size(db)).toBeGreaterThan(8 * 2 ** 20);
    const check = new Database(db, { readonly: true });
    expect((check.prepare('SELECT count(*) AS n FROM alerts').get() as { n: number }).n).toBe(1_000);
    check.close();
    await store.close();
  });

  it('without a checkpoint thread SQLite checkpoints inside commits, as before', async () => {
    const dir = tempDir();
    const store = openSqliteStore({ dataDir: dir });
    for (let i = 0; i < 10; i++) await store.ingest(alertBatch(i * 100, 100));
    expect(size(join(dir, DB_FILE))).toBeGreaterThan(4 * 2 ** 20);
    await store.close();
  });
});
