import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createCheckpointer, type Position } from './checkpoint.js';
import type { FlushHow } from './port.js';

const log = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Flush = (how: FlushHow) => Promise<void>;

/** A checkpointer whose commits are recorded; `flush` decides how each flush goes. */
function setup(intervalMs: number, flush?: Flush, owns: (topic: string, partition: number) => boolean = () => true, idleMs = 20) {
  const commits: Position[][] = [];
  const finals: boolean[] = [];
  const cp = createCheckpointer({
    intervalMs,
    idleMs,
    ...(flush && { flush }),
    commit: (p, { final }) => {
      commits.push(p);
      finals.push(final);
    },
    owns,
    log,
  });
  return { cp, commits, finals };
}

async function until(cond: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

describe('createCheckpointer', () => {
  it('interval 0: commits the newest position of each partition soon after it was handled', async () => {
    const { cp, commits } = setup(0);
    cp.handled('t', 0, 5);
    cp.handled('t', 0, 9);
    cp.handled('t', 1, 3);
    await cp.drain();
    const last = new Map(commits.flat().map((p) => [p.partition, p.offset]));
    expect(Object.fromEntries(last)).toEqual({ 0: 9, 1: 3 });
    cp.close();
  });

  it('commits only after the flush resolved, and what was handled during a flush waits for the next one', async () => {
    let release!: () => void;
    let flushes = 0;
    const { cp, commits } = setup(0, async () => {
      flushes++;
      if (flushes === 1) await new Promise<void>((r) => (release = r));
    });
    cp.handled('t', 0, 10);
    await until(() => flushes === 1);
    cp.handled('t', 0, 20);                              // during the first flush
    await sleep(30);
    expect(commits).toEqual([]);
    release();
    await until(() => commits.length === 2);
    expect(commits).toEqual([[{ topic: 't', partition: 0, offset: 10 }], [{ topic: 't', partition: 0, offset: 20 }]]);
    expect(flushes).toBe(2);
    cp.close();
  });

  it('a failed flush commits nothing; its positions go with the next checkpoint unless a newer one came', async () => {
    let fail = true;
    const { cp, commits } = setup(0, async () => {
      if (fail) {
        fail = false;
        throw new Error('broker down');
      }
    });
    cp.handled('t', 0, 10);
    cp.handled('t', 1, 4);
    await until(() => !fail);
    cp.handled('t', 0, 15);
    await cp.drain();
    expect(commits).toHaveLength(1);
    expect(commits[0]!.sort((a, b) => a.partition - b.partition)).toEqual([
      { topic: 't', partition: 0, offset: 15 },
      { topic: 't', partition: 1, offset: 4 },
    ]);
    cp.close();
  });

  it('a long interval still checkpoints soon after the input stops (idle), without spreading its flush', async () => {
    const hows: boolean[] = [];
    const { cp, commits } = setup(60_000, async ({ spread }) => void hows.push(spread));
    cp.handled('t', 0, 1);
    await until(() => commits.length === 1, 1_000);
    expect(hows).toEqual([false]);
    cp.close();
  });

  it('steady input: one checkpoint per interval (its flush may spread), not one per handled call', async () => {
    const hows: boolean[] = [];
    const { cp, commits } = setup(150, async ({ spread }) => void hows.push(spread), undefined, 1_000);
    for (let i = 1; i <= 40; i++) {
      cp.handled('t', 0, i);
      await sleep(10);                                   // never idle for 1 s
    }
    await cp.drain();
    expect(commits.flat().at(-1)).toEqual({ topic: 't', partition: 0, offset: 40 });
    expect(hows.length).toBeLessThan(20);
    expect(hows.filter((spread) => !spread).length).toBeLessThanOrEqual(1); // only drain's, if any, is not
    cp.close();
  });

  it('tells a spread flush whether records still come: yes while they do, no once none came for idleMs', async () => {
    const seen: Array<[string, boolean]> = [];
    let feeding = true;
    const { cp, commits } = setup(
      100,
      async ({ spread, flowing }) => {
        if (!spread) return;
        seen.push(['started', flowing()]);
        await until(() => !feeding);
        await sleep(400);                                // idleMs is 250
        seen.push(['input stopped', flowing()]);
      },
      undefined,
      250,
    );
    let i = 0;
    while (seen.length === 0) {                          // until the interval's checkpoint starts
      cp.handled('t', 0, ++i);
      await sleep(5);
    }
    feeding = false;
    await until(() => seen.length === 2);
    expect(seen).toEqual([
      ['started', true],
      ['input stopped', false],
    ]);
    await until(() => commits.flat().some((p) => p.offset === i));
    cp.close();
  });

  it('a handler call in progress counts as input, however long it takes', async () => {
    const seen: boolean[] = [];
    let started = false;
    let release!: () => void;
    const { cp } = setup(
      60_000,
      async ({ flowing }) => {
        started = true;
        await sleep(100);                                // idleMs is 20
        seen.push(flowing());
      },
      undefined,
      20,
    );
    cp.handled('t', 0, 1);
    await until(() => started);                          // the idle checkpoint's flush
    const call = cp.call(() => new Promise<void>((r) => (release = r))); // starts during it
    await until(() => seen.length === 1);
    release();
    await call;
    expect(seen).toEqual([true]);
    cp.close();
  });

  it('a drain stops the pacing of a spread flush in flight, however recent the input', async () => {
    const seen: boolean[] = [];
    let release!: () => void;
    const { cp, commits } = setup(
      50,
      async ({ spread, flowing }) => {
        if (!spread) return;
        seen.push(flowing());
        await new Promise<void>((r) => (release = r));
        seen.push(flowing());
      },
      undefined,
      10_000,
    );
    let i = 0;
    while (seen.length === 0) {
      cp.handled('t', 0, ++i);
      await sleep(5);
    }
    const drained = cp.drain();
    await sleep(10);
    release();
    await drained;
    expect(seen).toEqual([true, false]);
    expect(commits.flat().at(-1)).toEqual({ topic: 't', partition: 0, offset: i });
    cp.close();
  });

  it('never commits a partition this member no longer owns', async () => {
    const owned = new Set([0, 1]);
    const { cp, commits } = setup(60_000, undefined, (_t, p) => owned.has(p));
    cp.handled('t', 0, 7);
    cp.handled('t', 1, 8);
    cp.handled('t', 2, 9);                               // lost before the checkpoint
    owned.delete(1);
    cp.retain((_t, p) => owned.has(p));
    await cp.drain();
    expect(commits).toEqual([[{ topic: 't', partition: 0, offset: 7 }]]);
    cp.close();
  });

  it('with a flush, a checkpoint waits for the handler calls in progress and holds new ones until its flush took its cut', async () => {
    const events: string[] = [];
    let release!: () => void;
    const told: Position[][] = [];
    const { cp, commits } = setup(60_000, async (how) => {
      told.push([...how.positions]);
      events.push('flush starts');                       // the cut: no call may be in progress here
      await new Promise<void>((r) => (release = r));     // the write itself overlaps new calls
      events.push('flush written');
    });
    let finishSlow!: () => void;
    const slow = cp.call(async () => {
      events.push('slow call starts');
      await new Promise<void>((r) => (finishSlow = r));
      events.push('slow call ends');
      cp.handled('t', 0, 10);
    });
    const drained = cp.drain();                           // nothing handled yet: nothing to do
    await drained;
    cp.handled('t', 1, 5);
    const checkpoint = cp.drain();
    await sleep(10);
    const held = cp.call(async () => void events.push('held call runs'));
    await sleep(10);
    expect(events).toEqual(['slow call starts']);         // the checkpoint waits for the slow call; the new one waits too
    finishSlow();
    await slow;
    await held;
    expect(events).toEqual(['slow call starts', 'slow call ends', 'flush starts', 'held call runs']);
    release();
    await checkpoint;
    expect(commits.flat()).toEqual([{ topic: 't', partition: 1, offset: 5 }, { topic: 't', partition: 0, offset: 10 }]);
    expect(told).toEqual(commits);                       // the flush is told what its state covers
    cp.close();
  });

  it('without a flush there is no state to cut: handler calls never wait for a checkpoint', async () => {
    let release!: () => void;
    const commits: Position[][] = [];
    const cp = createCheckpointer({
      intervalMs: 60_000,
      commit: (p) => new Promise<void>((r) => { commits.push(p); release = r; }),
      owns: () => true,
      log,
    });
    cp.handled('t', 0, 1);
    const checkpoint = cp.drain();
    await until(() => commits.length === 1);             // the commit hangs
    let ran = false;
    await cp.call(async () => void (ran = true));
    expect(ran).toBe(true);
    release();
    await checkpoint;
    cp.close();
  });

  it('drain waits for the checkpoint in flight and then checkpoints the rest', async () => {
    let release!: () => void;
    let flushes = 0;
    const { cp, commits, finals } = setup(0, async () => {
      flushes++;
      if (flushes === 1) await new Promise<void>((r) => (release = r));
    });
    cp.handled('t', 0, 1);
    await until(() => flushes === 1);
    cp.close();                                          // no timers: only drain moves it on
    cp.handled('t', 0, 2);
    const drained = cp.drain();
    await sleep(20);
    expect(commits).toEqual([]);
    release();
    await drained;
    expect(commits).toEqual([[{ topic: 't', partition: 0, offset: 1 }], [{ topic: 't', partition: 0, offset: 2 }]]);
    expect(finals).toEqual([false, true]);               // drain's own commit must be done when it returns
  });
  it('while the membership is not confirmed, checkpoints neither flush nor commit; once it is, the positions go with the next one', async () => {
    let member = false;
    let flushes = 0;
    const commits: Position[][] = [];
    const cp = createCheckpointer({
      intervalMs: 0,
      idleMs: 20,
      flush: async () => void flushes++,
      commit: (p) => void commits.push(p),
      owns: () => true,
      member: () => member,
      log,
    });
    cp.handled('t', 0, 10);
    await sleep(60);
    cp.handled('t', 0, 12);
    await cp.drain();                                     // stop or revoke as a zombie: nothing either
    await sleep(60);
    expect(flushes).toBe(0);
    expect(commits).toEqual([]);
    member = true;
    // Tried again on its own, no sooner than MEMBER_RETRY_MS (idle checkpoints are off meanwhile).
    await until(() => commits.length === 1, 3_000);
    expect(flushes).toBe(1);
    expect(commits).toEqual([[{ topic: 't', partition: 0, offset: 12 }]]);
    cp.close();
  });

  it('without a flush there is nothing to overwrite: commits go on whatever the membership says (a failed commit is the fence)', async () => {
    const commits: Position[][] = [];
    const cp = createCheckpointer({ intervalMs: 0, commit: (p) => void commits.push(p), owns: () => true, member: () => false, log });
    cp.handled('t', 0, 3);
    await cp.drain();
    expect(commits).toEqual([[{ topic: 't', partition: 0, offset: 3 }]]);
    cp.close();
  });
});
