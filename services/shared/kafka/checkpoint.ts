/**
 * When a consumer commits: both adapters hand every handled position here and commit only
 * through it. A checkpoint takes the positions handled so far, awaits `flush` (the worker
 * writes the snapshots of the rooms those records changed) and then commits them, so a
 * committed offset never runs ahead of the state that covers it. Checkpoints run one at a
 * time: every `intervalMs` while records keep coming, and `idleMs` after the last one (so a
 * consumer that caught up commits promptly). `intervalMs` 0 checkpoints after every handled
 * call, which is "commit after the handler resolved".
 *
 * Like Kafka Streams' commit interval: the longer it is, the fewer snapshots a busy room
 * costs, and the more records a crashed worker's successor reads again (at least once).
 *
 * With a flush, a checkpoint takes a clean cut: adapters run each handler call through
 * `call`, and a checkpoint holds new calls back, waits for the ones in progress (a handler
 * changes the state before it resolves), then takes the positions and starts the flush, which
 * takes its own cut of the state synchronously, and lets the calls go on. So the state a
 * flush writes holds exactly the records below the positions it commits: a successor that
 * restores it and reads on from the commit applies no record twice. The hold lasts as long
 * as the slowest call in progress (for the worker, the broker's ack of its alerts).
 */
import type { Logger } from '../log.js';
import type { FlushHow, Position } from './port.js';

export type { Position } from './port.js';

export type CheckpointOptions = {
  intervalMs: number;
  idleMs?: number;
  /**
   * Makes durable whatever the handled records changed; commits wait for it. It must take
   * what it writes before its first await (no handler call runs then). `positions`: what the
   * checkpoint is about to commit (the state it writes holds exactly the records below them,
   * for the topic-partitions handled since the last commit). `spread` is true
   * for a checkpoint due to the interval while records keep coming: the flush may spread its
   * writes over part of the interval rather than burst them (false: idle, stop, revoke).
   * `flowing()` says whether records still come (a handler call is in progress, or one started
   * or was handled within `idleMs`, and no drain is waiting): a spread flush asks it before
   * each pause and writes the rest at once when the input has stopped, so a consumer that
   * caught up, or gives its partitions up, commits without waiting for the pacing.
   */
  flush?: (how: FlushHow) => Promise<void>;
  /**
   * Commits these positions; it throws or rejects on failure. `final` (drain: stop, revoke):
   * the commit must be done when it returns; otherwise it may be queued (a later commit
   * supersedes one that fails).
   */
  commit(positions: Position[], how: { final: boolean }): void | Promise<void>;
  /** Whether this member may still commit for a topic-partition (it is in its assignment). */
  owns(topic: string, partition: number): boolean;
  /**
   * Whether the member is known to be in its group, recently enough that the coordinator
   * cannot hand its partitions to another member before a flush started now has landed.
   * When false, a checkpoint with a flush writes and commits nothing and tries again later:
   * a member expelled while it was stalled (a zombie) must not overwrite the snapshots of its
   * partitions' new owner. Unset: always true.
   */
  member?: () => boolean;
  log: Logger;
};

export const DEFAULT_IDLE_MS = 100;
/** How soon a checkpoint skipped for want of a confirmed membership is tried again (at the least). */
export const MEMBER_RETRY_MS = 1_000;

const keyOf = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

export type Checkpointer = ReturnType<typeof createCheckpointer>;

export function createCheckpointer(opts: CheckpointOptions) {
  const idleMs = opts.idleMs ?? DEFAULT_IDLE_MS;
  const pending = new Map<string, Position>();
  let last = performance.now();
  let running: Promise<void> | null = null;
  let intervalTimer: NodeJS.Timeout | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let closed = false;
  // Handler calls in progress, and what a checkpoint waiting for them to end holds.
  let active = 0;
  let ended: (() => void) | null = null;
  let hold: Promise<void> | null = null;
  // Set while checkpoints are skipped because the membership is not confirmed (logged once).
  let unconfirmed = false;
  // When a handler call last started or a position was last handled; drains waiting (revoke
  // and stop may overlap).
  let lastInput = -Infinity;
  let draining = 0;
  const flowing = (): boolean => draining === 0 && !closed && (active > 0 || performance.now() - lastInput < idleMs);

  /** Holds new handler calls back and resolves once none is in progress; `open` lets them go on. */
  async function quiesce(): Promise<{ open(): void }> {
    let open!: () => void;
    hold = new Promise<void>((resolve) => (open = resolve));
    await new Promise<void>((resolve) => (ended = resolve));
    return { open: () => { hold = null; open(); } };
  }

  const clearTimers = (): void => {
    if (intervalTimer !== null) clearTimeout(intervalTimer);
    if (idleTimer !== null) clearTimeout(idleTimer);
    intervalTimer = idleTimer = null;
  };

  async function checkpoint(spread: boolean, final: boolean): Promise<void> {
    clearTimers();
    // No call in progress: nothing can start before the flush below takes its cut.
    const cut = opts.flush !== undefined && active > 0 ? await quiesce() : null;
    if (opts.flush !== undefined && opts.member !== undefined && !opts.member()) {
      cut?.open();
      if (!unconfirmed) {
        opts.log.warn(
          { partitions: pending.size, final },
          'group membership not confirmed recently: checkpoint skipped (the partitions may have a new owner, whose snapshots must not be overwritten)',
        );
      }
      unconfirmed = true;
      last = performance.now();
      return;
    }
    if (unconfirmed) opts.log.info('group membership confirmed again: checkpoints resume');
    unconfirmed = false;
    const taken = [...pending.values()];
    pending.clear();
    try {
      let flushed: Promise<void> | undefined;
      try {
        flushed = opts.flush?.({ spread, positions: taken, flowing }); // takes the state's cut now
      } finally {
        cut?.open();
      }
      await flushed;
      const mine = taken.filter((p) => opts.owns(p.topic, p.partition));
      if (mine.length > 0) await opts.commit(mine, { final });
    } catch (err) {
      // Nothing newer was committed: the positions wait for the next checkpoint, whose flush
      // writes again whatever this one could not.
      for (const p of taken) {
        const key = keyOf(p.topic, p.partition);
        if (!pending.has(key)) pending.set(key, p);
      }
      opts.log.warn({ err, partitions: taken.length }, 'checkpoint failed; retrying with the next one');
    }
    last = performance.now();
  }

  /** Runs a checkpoint now, or returns the one in flight (which schedules the next). */
  function run(spread: boolean, final = false): Promise<void> {
    running ??= checkpoint(spread, final).finally(() => {
      running = null;
      if (pending.size > 0 && !closed) schedule();
    });
    return running;
  }

  function schedule(): void {
    if (running !== null || closed) return;          // run() schedules again when it ends
    const wait = last + (unconfirmed ? Math.max(opts.intervalMs, MEMBER_RETRY_MS) : opts.intervalMs) - performance.now();
    if (wait <= 0) {
      void run(opts.intervalMs > 0);
      return;
    }
    intervalTimer ??= setTimeout(() => {
      intervalTimer = null;
      void run(true);
    }, wait);
    if (idleTimer !== null) clearTimeout(idleTimer);
    if (unconfirmed) return;                         // no idle checkpoints until a membership is confirmed
    idleTimer = setTimeout(() => {
      idleTimer = null;
      void run(false);
    }, idleMs);
  }

  return {
    /** Runs one handler call (after any checkpoint taking its cut); positions it handled go to `handled` after. */
    async call<T>(fn: () => Promise<T>): Promise<T> {
      while (hold !== null) await hold;
      active++;
      lastInput = performance.now();
      try {
        return await fn();
      } finally {
        if (--active === 0 && ended !== null) {
          const resume = ended;
          ended = null;
          resume();
        }
      }
    },
    /** Records that everything before `offset` of this topic-partition was handled. */
    handled(topic: string, partition: number, offset: number): void {
      pending.set(keyOf(topic, partition), { topic, partition, offset });
      lastInput = performance.now();
      schedule();
    },
    /** Forgets positions of partitions this member no longer owns. */
    retain(owns: (topic: string, partition: number) => boolean): void {
      for (const [key, p] of pending) if (!owns(p.topic, p.partition)) pending.delete(key);
    },
    /** Waits for the checkpoint in flight, then checkpoints what is left (revoke, stop). */
    async drain(): Promise<void> {
      draining++; // a spread flush in flight writes the rest at once
      try {
        while (running !== null) await running;
        if (pending.size > 0) await run(false, true);
      } finally {
        draining--;
      }
    },
    /** Stops the timers; later `handled` calls only record (use drain first). */
    close(): void {
      closed = true;
      clearTimers();
    },
  };
}
