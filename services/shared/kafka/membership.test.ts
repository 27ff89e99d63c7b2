import { describe, expect, it } from 'vitest';
import { createAnswerGuard, createStallGuard } from './membership.js';

/** A clock the test moves by hand. */
function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** `seconds` of a process that runs: the stall guard's timer ticks every second; `each` after every tick. */
function running(c: ReturnType<typeof clock>, g: { tick(): void }, seconds: number, each: () => void = () => {}): void {
  for (let i = 0; i < seconds; i++) {
    c.advance(1_000);
    g.tick();
    each();
  }
}

describe('createAnswerGuard (kafkajs: the coordinator answers heartbeats on the event loop)', () => {
  it('a member is confirmed for half a session timeout after the last answer', () => {
    const c = clock();
    const g = createAnswerGuard(30_000, c.now);
    expect(g.member()).toBe(false);                       // never answered yet
    g.confirmed();
    c.advance(14_999);
    expect(g.member()).toBe(true);
    c.advance(1);
    expect(g.member()).toBe(false);                       // stalled 15 s: it may be expelled by the time a flush lands
    g.confirmed(c.now() - 100);                           // an answer to a request sent 100 ms ago
    expect(g.member()).toBe(true);
  });

  it('an assignment after a stall, or after the coordinator disowned the member, is lost; a timely one is not', () => {
    const c = clock();
    const g = createAnswerGuard(30_000, c.now);
    g.confirmed();
    c.advance(1_000);
    expect(g.assigned()).toBe(false);                     // an ordinary rebalance
    c.advance(40_000);                                    // stalled past the session
    g.rejoining();
    expect(g.assigned()).toBe(true);
    expect(g.member()).toBe(true);                        // the join confirms it again
    g.expelled();                                         // UNKNOWN_MEMBER_ID / ILLEGAL_GENERATION answered
    expect(g.member()).toBe(false);
    expect(g.assigned()).toBe(true);
    expect(g.assigned()).toBe(false);
  });

  it('a member confirmed when it starts to rejoin keeps its standing however long the join takes', () => {
    const c = clock();
    const g = createAnswerGuard(30_000, c.now);
    g.confirmed();
    g.rejoining();
    c.advance(50_000);                                    // the others took long to rejoin
    expect(g.assigned()).toBe(false);
  });
});

describe('createStallGuard (rdkafka: librdkafka heartbeats on its own threads)', () => {
  it('without a stall the member is always confirmed and its assignments are not lost', () => {
    const c = clock();
    const g = createStallGuard(30_000, 1_000, c.now, 0);
    running(c, g, 20, () => expect(g.member()).toBe(true));
    expect(g.revoked()).toBe(false);
    expect(g.assigned()).toBe(false);
  });

  it('after a stall of half a session, no checkpoint for another half session; a revoke then is a lost one', () => {
    const c = clock();
    const g = createStallGuard(30_000, 1_000, c.now, 0);
    c.advance(16_000);                                    // the process did not run (its timer did not tick)
    expect(g.member()).toBe(false);                       // noticed by the first look, before any timer ran
    c.advance(1_000);
    g.tick();
    expect(g.member()).toBe(false);
    expect(g.revoked()).toBe(true);                       // librdkafka learnt it was expelled
    running(c, g, 10);
    expect(g.member()).toBe(false);                       // lost stays lost until the next assignment
    expect(g.assigned()).toBe(true);
    expect(g.member()).toBe(true);
  });

  it('a stall that cost nothing: checkpoints resume after the settling time, and a later rebalance is an ordinary one', () => {
    const c = clock();
    const g = createStallGuard(30_000, 1_000, c.now, 0);
    c.advance(20_000);
    g.tick();
    expect(g.member()).toBe(false);
    running(c, g, 14, () => expect(g.member()).toBe(false));
    running(c, g, 1);
    expect(g.member()).toBe(true);
    running(c, g, 60);
    expect(g.revoked()).toBe(false);
    expect(g.assigned()).toBe(false);
  });

  it('a short pause (under half a session) is not a stall', () => {
    const c = clock();
    const g = createStallGuard(30_000, 1_000, c.now, 0);
    c.advance(14_000);
    expect(g.member()).toBe(true);
    expect(g.assigned()).toBe(false);
  });
});
