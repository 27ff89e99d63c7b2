/**
 * Whether a consumer is still in its group, as far as it can know, for checkpoints
 * (checkpoint.ts, `member`) and for assignments (port.ts, `onAssignment`'s `lost`).
 *
 * The coordinator keeps a member's partitions until it leaves, fails to rejoin a rebalance, or
 * sends no heartbeat for a session timeout. A member that was stalled (a long pause of its
 * event loop or of the whole process) may come back expelled, its partitions already with
 * another member that restored their rooms and writes their snapshots. Until it knows better,
 * such a zombie must write no snapshot (it would overwrite the new owner's) and commit nothing,
 * and at its next assignment it must drop the rooms it kept: they miss what the other member
 * handled meanwhile.
 *
 * - kafkajs heartbeats on the event loop, and every answer of the coordinator says something:
 *   `createAnswerGuard` takes the member as confirmed for half a session timeout after the
 *   last one (the other half is for a flush started then to land).
 * - librdkafka heartbeats on its own threads, which a stalled event loop does not stop; only a
 *   stall of the whole process can cost it its membership, and it gives no per-heartbeat
 *   signal. `createStallGuard` notices a stall of at least half a session timeout (its timer
 *   did not run) and then waits another half session (at least three heartbeat intervals), in
 *   which an expelled librdkafka learns it from the coordinator and revokes the partitions.
 */

export type MembershipGuard = {
  /** True while a flush started now may write (see above). */
  member(): boolean;
  /**
   * A new assignment arrived (which confirms the membership): whether the member may have
   * been out of the group since its previous one, so that what it kept is stale.
   */
  assigned(): boolean;
  close(): void;
};

export function createAnswerGuard(
  sessionTimeoutMs: number,
  now: () => number = () => performance.now(),
): MembershipGuard & { confirmed(at?: number): void; expelled(): void; rejoining(): void } {
  let confirmedAt = -Infinity;
  let lost = false;
  let rejoinedInTime = false;
  const member = () => !lost && now() - confirmedAt < sessionTimeoutMs / 2;
  return {
    /** The coordinator answered this member as one of the group's, to a request sent at `at`. */
    confirmed(at = now()) {
      confirmedAt = Math.max(confirmedAt, at);
    },
    /** The coordinator answered that it does not know this member, or not in this generation. */
    expelled() {
      lost = true;
    },
    /**
     * The member starts to rejoin. While it waits in the join the coordinator keeps it, so a
     * member confirmed now keeps its standing however long the others take to rejoin.
     */
    rejoining() {
      rejoinedInTime = member();
    },
    member,
    assigned() {
      const was = lost || !(rejoinedInTime || member());
      lost = rejoinedInTime = false;
      confirmedAt = now();
      return was;
    },
    close() {},
  };
}

/** How often the stall guard's timer looks at the clock. */
export const STALL_TICK_MS = 1_000;

export function createStallGuard(
  sessionTimeoutMs: number,
  heartbeatIntervalMs: number,
  now: () => number = () => performance.now(),
  tickMs = STALL_TICK_MS,
): MembershipGuard & { tick(): void; revoked(): boolean } {
  const stallMs = sessionTimeoutMs / 2;
  // An expelled librdkafka hears it from the coordinator within a heartbeat interval or so.
  const settleMs = Math.max(3 * heartbeatIntervalMs, sessionTimeoutMs / 2);
  let lastTick = now();
  let stalledAt = -Infinity;
  let lost = false;
  /** Notes a stall when the clock moved on by more than stallMs since the last look. */
  const look = (): number => {
    const t = now();
    if (t - lastTick > stallMs) stalledAt = t;
    lastTick = t;
    return t;
  };
  const settling = (t: number): boolean => t - stalledAt < settleMs;
  const timer = tickMs > 0 ? setInterval(look, tickMs) : null;
  timer?.unref();
  return {
    tick: () => void look(),
    member: () => !lost && !settling(look()),
    /** The partitions are being revoked: whether as lost (soon after a stall), so no checkpoint may run. */
    revoked() {
      if (settling(look())) lost = true;
      return lost;
    },
    assigned() {
      const was = lost || settling(look());
      lost = false;
      stalledAt = -Infinity;
      return was;
    },
    close() {
      if (timer !== null) clearInterval(timer);
    },
  };
}
