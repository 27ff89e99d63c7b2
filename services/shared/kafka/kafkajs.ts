/**
 * KafkaPort adapter on kafkajs (pure JS, always installed).
 *
 * Invariants (port.ts, STYLE §9):
 * - The handler gets records of ONE topic-partition, at most maxBatch of them. Offsets are
 *   resolved and handed to the checkpointer (offset + 1) only after it resolves, which
 *   commits them after its flush; kafkajs never auto-commits.
 * - kafkajs has no revoke hook, and after any rejoin it reads every partition it keeps from
 *   the committed offset too. So when the heartbeat this adapter sends after each handler
 *   call answers that the group is rebalancing, it lets the handler calls in flight end and
 *   checkpoints first (flush, then commit: the coordinator still takes the old generation's
 *   commits while it waits for the members to rejoin), and only then lets kafkajs rejoin,
 *   like rdkafka's revoke. A rebalance noticed by kafkajs' own heartbeat (an idle fetch; the
 *   idle checkpoint has run by then) rejoins without one: positions handled since the last
 *   checkpoint are read again (at least once).
 * - kafkajs heartbeats on the event loop: checkpoints write nothing unless the coordinator
 *   answered this member within half a session, and a join after it may have been expelled
 *   (no answer for that long, UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION) says `lost` (membership.ts).
 * - A rejected handler commits nothing and gets the same records again, after a growing pause
 *   (heartbeating), until it resolves, stop() is called or the group rebalances (then the next
 *   owner starts at the committed offset, i.e. at the same records).
 *   Not consumer.seek(): kafkajs keeps a seek for a partition this member loses in a rebalance
 *   and applies it when the partition comes back, rewinding past offsets another member
 *   committed meanwhile (seen as duplicates in a rebalance test). Not a rethrow either: its
 *   retry/crash/restart path tears the consumer down and rejoins the group for what is a
 *   handler problem (tulios/kafkajs#315).
 * - coPartitioned groups use our own 'copartitioned' protocol (copartition.ts).
 */
import { randomUUID } from 'node:crypto';
import kafkajs from 'kafkajs';
import type {
  Admin as KjsAdmin,
  Assigner,
  Consumer as KjsConsumer,
  EachBatchPayload,
  IHeaders,
  Kafka as KjsKafka,
  KafkaMessage,
  LogEntry,
  logLevel as KjsLogLevelType,
  Message,
  PartitionAssigner,
} from 'kafkajs';
import { pino, type Logger } from 'pino';
import { createCheckpointer } from './checkpoint.js';
import { createAnswerGuard } from './membership.js';
import { assignCoPartitioned } from './copartition.js';
import { DEFAULT_CLIENT_ID, DEFAULT_MAX_BATCH } from './port.js';
import type {
  Admin,
  BatchHandler,
  Consumer,
  ConsumerOptions,
  KafkaPort,
  OutRecord,
  Producer,
  RawRecord,
  TopicPartition,
  TopicSpec,
} from './port.js';

const { Kafka, logLevel: KjsLogLevel, AssignerProtocol, PartitionAssigners, Partitioners } = kafkajs;

/** Fetch long-poll. Also bounds how late a rebalance or stop() is noticed (kafkajs default 5 s). */
const FETCH_MAX_WAIT_MS = 1_000;
const HEARTBEAT_INTERVAL_MS = 1_000;
/** kafkajs' default, stated: how long the coordinator keeps a member that sends no heartbeat. */
const SESSION_TIMEOUT_MS = 30_000;
const RETRY_BACKOFF_MIN_MS = 100;
const RETRY_BACKOFF_MAX_MS = 5_000;
/** How long ensureTopics waits for freshly created topics to show up in metadata. */
const TOPIC_VISIBLE_TIMEOUT_MS = 10_000;
/** Bytes of one topic's records per produce request: under the broker's 1 MiB batch limit. */
const REQUEST_TOPIC_BYTES = 768 * 1024;
export const COPARTITIONED_PROTOCOL = 'copartitioned';

export type KafkajsPortOptions = {
  brokers: string[];
  clientId?: string;
  /** kafkajs' own log level (its logs are routed to `log`). Default: WARN. */
  logLevel?: KjsLogLevelType;
  /** Parent logger; the adapter logs under component 'kafka.kafkajs'. Default: silent. */
  log?: Logger;
};

export function createKafkajsPort(opts: KafkajsPortOptions): KafkaPort {
  const log = (opts.log ?? pino({ level: 'silent' })).child({ component: 'kafka.kafkajs' });
  const kafka = new Kafka({
    clientId: opts.clientId ?? DEFAULT_CLIENT_ID,
    brokers: opts.brokers,
    logLevel: opts.logLevel ?? KjsLogLevel.WARN,
    logCreator: () => (entry) => toPino(log, entry),
  });

  const connectedAdmin = async (): Promise<KjsAdmin> => {
    const admin = kafka.admin();
    await admin.connect();
    return admin;
  };

  return {
    kind: 'kafkajs',
    brokers: [...opts.brokers],

    async admin(): Promise<Admin> {
      const admin = await connectedAdmin();
      const partitionCounts = async (topics: readonly string[]): Promise<Record<string, number>> => {
        const existing = new Set(await admin.listTopics());
        const known = [...new Set(topics)].filter((t) => existing.has(t));
        const counts: Record<string, number> = Object.fromEntries(topics.map((t) => [t, 0]));
        if (known.length > 0) {
          const { topics: meta } = await admin.fetchTopicMetadata({ topics: known });
          for (const t of meta) counts[t.name] = t.partitions.length;
        }
        return counts;
      };
      return {
        partitionCounts,
        async ensureTopics(specs: readonly TopicSpec[]) {
          const before = await partitionCounts(specs.map((s) => s.topic));
          const missing = specs.filter((s) => before[s.topic] === 0);
          const existing = specs.filter((s) => before[s.topic] !== 0);
          for (const s of existing) {
            if (before[s.topic] !== s.numPartitions) {
              log.warn({ topic: s.topic, expected: s.numPartitions, actual: before[s.topic] }, 'topic exists with a different partition count');
            }
          }
          if (missing.length > 0) {
            await admin.createTopics({
              waitForLeaders: true,
              topics: missing.map((s) => ({
                topic: s.topic,
                numPartitions: s.numPartitions,
                replicationFactor: -1,                     // the broker's default.replication.factor
                configEntries: Object.entries(s.configs ?? {}).map(([name, value]) => ({ name, value })),
              })),
            });
            await waitForTopics(partitionCounts, missing);
          }
          return { created: missing.map((s) => s.topic), existing: existing.map((s) => s.topic) };
        },
        close: () => admin.disconnect(),
      };
    },

    async producer(): Promise<Producer> {
      const producer = kafka.producer({
        allowAutoTopicCreation: false,
        // A request refused for some of its partitions (NOT_LEADER_OR_FOLLOWER right after a
        // topic is created, or a lost response) is retried whole. Without idempotence the
        // partitions that had accepted it get its records twice; with it the broker drops the
        // repeat by sequence number. kafkajs then retries without limit (its EoS rule), and
        // needs one request in flight, which the queue below keeps anyway.
        idempotent: true,
        maxInFlightRequests: 1,
        // Java-compatible murmur2, the same as the rdkafka adapter's 'murmur2_random', so a key
        // lands on the same partition whichever client produced it.
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();

      // One produce request at a time, in call order. kafkajs does not keep concurrent
      // sendBatch calls in order: a request naming two topics reached the log after a later one
      // naming one topic in 50 of 50 tries on this broker. Out of order, the compacted state
      // topic could end with an older snapshot of a room than the one before it (the worker's
      // batches of one partition's topics overlap). Calls made while a request is in flight
      // are coalesced into the next request, so ordering costs no extra round trips under load.
      type Queued = { records: readonly OutRecord[]; resolve: () => void; reject: (err: unknown) => void };
      let queue: Queued[] = [];
      let pumping = false;

      const request = (byTopic: Map<string, Message[]>) =>
        producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });

      // kafkajs puts every record of one topic-partition of a request into ONE record batch,
      // and the broker refuses a batch above max.message.bytes (1 MiB by default): a worker
      // batch touching a few hundred rooms has more than that in room snapshots. So a request
      // carries at most REQUEST_TOPIC_BYTES per topic; more goes out as several requests, one
      // after the other (order kept).
      const write = async (calls: readonly Queued[]): Promise<void> => {
        let byTopic = new Map<string, Message[]>();
        const bytes = new Map<string, number>();
        for (const call of calls) {
          for (const r of call.records) {
            const size = byteLength(r.key) + byteLength(r.value) + 64;
            const used = bytes.get(r.topic) ?? 0;
            if (used > 0 && used + size > REQUEST_TOPIC_BYTES) {
              await request(byTopic);
              byTopic = new Map();
              bytes.clear();
            }
            bytes.set(r.topic, (bytes.get(r.topic) ?? 0) + size);
            let list = byTopic.get(r.topic);
            if (list === undefined) byTopic.set(r.topic, (list = []));
            list.push({
              key: r.key,
              value: r.value,
              ...(r.partition !== undefined && { partition: r.partition }),
              ...(r.headers !== undefined && { headers: r.headers }),
            });
          }
        }
        if (byTopic.size > 0) await request(byTopic);
      };

      const pump = async (): Promise<void> => {
        pumping = true;
        while (queue.length > 0) {
          const calls = queue;
          queue = [];
          try {
            await write(calls);
            for (const c of calls) c.resolve();
          } catch (err) {
            for (const c of calls) c.reject(err);        // each caller's batch comes again
          }
        }
        pumping = false;
      };

      return {
        send(records: readonly OutRecord[]) {
          if (records.length === 0) return Promise.resolve();
          return new Promise<void>((resolve, reject) => {
            queue.push({ records, resolve, reject });
            if (!pumping) void pump();
          });
        },
        close: () => producer.disconnect(),
      };
    },

    consumer: (options: ConsumerOptions): Consumer => createConsumer(kafka, options, log),

    async readToEnd(topic, partitions, onRecord) {
      const wanted = [...new Set(partitions)].sort((a, b) => a - b);
      if (wanted.length === 0) return;
      const admin = await connectedAdmin();
      const groupId = `${DEFAULT_CLIENT_ID}.read-to-end.${randomUUID()}`;
      let consumer: KjsConsumer | undefined;
      try {
        // High watermarks captured now: records produced after this call are not delivered.
        const offsets = await admin.fetchTopicOffsets(topic);
        const high = new Map<number, bigint>();
        for (const p of wanted) {
          const o = offsets.find((x) => x.partition === p);
          if (o === undefined) throw new Error(`readToEnd: ${topic} has no partition ${p}`);
          if (BigInt(o.high) > BigInt(o.low)) high.set(p, BigInt(o.high));
        }
        if (high.size === 0) return;

        // kafkajs has no manual assign: a throwaway group whose assigner hands its only member
        // exactly the wanted partitions, so nothing else is fetched.
        consumer = kafka.consumer({
          groupId,
          allowAutoTopicCreation: false,
          maxWaitTimeInMs: 250,
          partitionAssigners: [fixedAssigner(topic, [...high.keys()])],
        });
        await consumer.connect();
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        const pending = new Map(high);
        let done!: () => void;
        let fail!: (err: unknown) => void;
        const finished = new Promise<void>((resolve, reject) => { done = resolve; fail = reject; });
        consumer.on(consumer.events.CRASH, ({ payload }) => { if (!payload.restart) fail(payload.error); });
        await consumer.run({
          autoCommit: false,                             // resolve (for the next fetch) but never commit
          eachBatch: async ({ batch }) => {
            const end = pending.get(batch.partition);
            if (batch.topic !== topic || end === undefined) return;
            try {
              for (const m of batch.messages) {
                if (BigInt(m.offset) >= end) break;
                onRecord(toRawRecord(batch.topic, batch.partition, m));
              }
            } catch (err) {
              pending.clear();                           // stop delivering; readToEnd rejects
              fail(err);
              return;
            }
            if (BigInt(batch.lastOffset()) + 1n >= end) {
              pending.delete(batch.partition);
              if (pending.size === 0) done();
            }
          },
        });
        await finished;
      } finally {
        await consumer?.disconnect().catch((err: unknown) => log.warn({ err }, 'read-to-end consumer disconnect failed'));
        if (consumer !== undefined) {
          await admin.deleteGroups([groupId]).catch((err: unknown) => log.debug({ err, groupId }, 'read-to-end group not deleted'));
        }
        await admin.disconnect();
      }
    },
  };
}

function createConsumer(kafka: KjsKafka, options: ConsumerOptions, parentLog: Logger): Consumer {
  const log = parentLog.child({ groupId: options.groupId });
  const maxBatch = Math.max(1, options.maxBatch ?? DEFAULT_MAX_BATCH);
  const sessionTimeoutMs = options.sessionTimeoutMs ?? SESSION_TIMEOUT_MS;
  const consumer = kafka.consumer({
    groupId: options.groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: FETCH_MAX_WAIT_MS,
    heartbeatInterval: HEARTBEAT_INTERVAL_MS,
    sessionTimeout: sessionTimeoutMs,
    partitionAssigners: options.coPartitioned ? [coPartitionedAssigner] : [PartitionAssigners.roundRobin],
  });

  let stopping = false;
  let started = false;
  const concurrency = Math.max(1, options.partitionsConcurrently ?? 1);
  const inFlight = new Map<EachBatchPayload, Promise<void>>();       // handler runs, by their kafkajs batch
  let failures = 0;
  const wakers = new Set<() => void>();
  let lastAssignment: string | undefined;
  let owned = new Set<string>();                        // "topic\0partition" of the current assignment
  const owns = (topic: string, partition: number): boolean => owned.has(`${topic}\0${partition}`);
  // Whether the coordinator still counts this member in (membership.ts): kafkajs heartbeats on
  // the event loop, so a stalled process stops them and may come back expelled.
  const membership = createAnswerGuard(sessionTimeoutMs);
  let memberId: string | undefined;
  consumer.on(consumer.events.HEARTBEAT, () => membership.confirmed());
  consumer.on(consumer.events.REBALANCING, () => membership.rejoining());
  const checkpointer = createCheckpointer({
    ...(options.checkpoint ?? { intervalMs: 0 }),
    commit: (positions) => consumer.commitOffsets(positions.map(({ topic, partition, offset }) => ({ topic, partition, offset: String(offset) }))),
    owns,
    member: membership.member,
    log,
  });

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    // A new member id: the coordinator had forgotten the old one (UNKNOWN_MEMBER_ID). The
    // first join has nothing to lose.
    const expelled = membership.assigned() || payload.memberId !== memberId;
    const lost = memberId !== undefined && expelled;
    memberId = payload.memberId;
    const assigned = toTopicPartitions(payload.memberAssignment);
    // Positions of partitions lost in the rebalance are not ours to commit: the next owner
    // reads them again from the last commit (at least once). After an expulsion none are:
    // another member may have handled and committed past them meanwhile.
    owned = new Set(assigned.map((tp) => `${tp.topic}\0${tp.partition}`));
    checkpointer.retain(lost ? () => false : owns);
    const key = JSON.stringify(assigned);
    if (lost) log.warn({ memberId: payload.memberId, assigned: assigned.length }, 'group rejoined after this member may have been out of it: its partition state is dropped');
    else log.info({ memberId: payload.memberId, assigned: assigned.length, protocol: payload.groupProtocol }, 'group joined');
    if (key === lastAssignment && !lost) return;        // a rejoin that changed nothing
    lastAssignment = key;
    options.onAssignment?.(assigned, { lost });
  });

  // restart: true means kafkajs rejoins by itself after a pause; false means this consumer is dead.
  consumer.on(consumer.events.CRASH, ({ payload }) =>
    log.error({ err: payload.error, restart: payload.restart }, 'consumer crashed'));

  const pause = (ms: number) => {
    let wake!: () => void;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => { clearTimeout(timer); resolve(); };
      wakers.add(wake);
    }).finally(() => wakers.delete(wake));
  };

  let beforeRebalance: Promise<void> | null = null;
  /**
   * p.heartbeat(), which throws when the group is rebalancing. The first handler run to see
   * that waits for the member's other runs (each stops at its next heartbeat, which throws
   * too; runs that start meanwhile handle nothing) and checkpoints what they all handled, as
   * rdkafka's revoke does, so the next owner of a partition starts right after it. Only then
   * does the error let kafkajs rejoin.
   */
  const heartbeat = async (p: EachBatchPayload): Promise<void> => {
    const sent = performance.now();
    try {
      await p.heartbeat();
    } catch (err) {
      // Only while the group waits for its members to rejoin: after ILLEGAL_GENERATION (or a
      // moved coordinator) the commit would fail, and the partitions may have new owners
      // already, whose snapshots ours must not overwrite.
      const type = (err as { type?: unknown } | null)?.type;
      const rebalancing = type === 'REBALANCE_IN_PROGRESS';
      if (rebalancing) membership.confirmed(sent);      // still a member, until it rejoins
      if (type === 'UNKNOWN_MEMBER_ID' || type === 'ILLEGAL_GENERATION') membership.expelled();
      if (!stopping && rebalancing && beforeRebalance === null) {
        const others = [...inFlight].filter(([q]) => q !== p).map(([, run]) => run);
        beforeRebalance = Promise.allSettled(others)
          .then(() => checkpointer.drain())
          .finally(() => (beforeRebalance = null));
        await beforeRebalance;
      }
      throw err;
    }
  };

  const processBatch = async (handler: BatchHandler, p: EachBatchPayload): Promise<void> => {
    const { batch } = p;
    const records = batch.messages.map((m) => toRawRecord(batch.topic, batch.partition, m));
    for (let i = 0; i < records.length; i += maxBatch) {
      const chunk = records.slice(i, i + maxBatch);
      for (;;) {
        // Unhandled rest: fetched again later (by whoever owns the partition after a rebalance).
        if (stopping || beforeRebalance !== null || !p.isRunning() || p.isStale()) return;
        try {
          await checkpointer.call(() => handler(chunk));
          break;
        } catch (err) {
          failures++;
          const backoff = Math.min(RETRY_BACKOFF_MAX_MS, RETRY_BACKOFF_MIN_MS * 2 ** (failures - 1));
          log.warn({ err, topic: batch.topic, partition: batch.partition, offset: chunk[0]!.offset, backoff }, 'handler rejected; delivering the batch again');
          await pause(backoff);
          // Throws if the group is rebalancing: kafkajs rejoins, and whoever owns the partition
          // next starts at the committed offset, i.e. at this chunk again.
          await heartbeat(p);
        }
      }
      failures = 0;
      const last = chunk[chunk.length - 1]!.offset;
      p.resolveOffset(last);
      checkpointer.handled(batch.topic, batch.partition, Number(last) + 1);
      await heartbeat(p);
    }
  };

  let stopped: Promise<void> | undefined;
  let unblockRun: (() => void) | undefined;

  return {
    async run(handler: BatchHandler) {
      if (started || stopped) throw new Error('consumer.run called twice or after stop');
      started = true;
      const joined = new Promise<void>((resolve, reject) => {
        const done = (err?: unknown) => { offJoin(); offCrash(); unblockRun = undefined; err === undefined ? resolve() : reject(err); };
        const offJoin = consumer.on(consumer.events.GROUP_JOIN, () => done());
        const offCrash = consumer.on(consumer.events.CRASH, ({ payload }) => {
          if (!payload.restart) done(payload.error);
        });
        unblockRun = () => done();                       // stop() before the first join
      });
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
        if (stopping) return;
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: concurrency,
          eachBatch: (payload) => {
            const run = processBatch(handler, payload);
            inFlight.set(payload, run);
            void run.finally(() => inFlight.delete(payload)).catch(() => undefined);
            return run;
          },
        });
      } catch (err) {
        if (stopping) return;                            // stop() during startup: not an error
        throw err;
      }
      await joined;
    },

    stop() {
      stopped ??= (async () => {
        stopping = true;
        for (const wake of wakers) wake();
        unblockRun?.();
        await Promise.allSettled([...inFlight.values()]); // errors were kafkajs'
        await checkpointer.drain();                      // flush and commit what they handled
        checkpointer.close();
        await consumer.disconnect();                     // leaves the group: the others rebalance now
      })();
      return stopped;
    },
  };
}

/** The 'copartitioned' protocol: see copartition.ts. */
const coPartitionedAssigner: PartitionAssigner = ({ cluster, logger }): Assigner => ({
  name: COPARTITIONED_PROTOCOL,
  version: 0,
  async assign({ members, topics }) {
    const counts: Record<string, number> = {};
    for (const topic of topics) counts[topic] = cluster.findTopicPartitionMetadata(topic).length;
    if (new Set(Object.values(counts)).size > 1) {
      logger.warn('co-partitioned topics have different partition counts', { counts });
    }
    const plan = assignCoPartitioned(members.map((m) => m.memberId), counts);
    return Object.entries(plan).map(([memberId, assignment]) => ({
      memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({ version: 0, assignment, userData: Buffer.alloc(0) }),
    }));
  },
  protocol: ({ topics }) => ({
    name: COPARTITIONED_PROTOCOL,
    metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }),
  }),
});

/** For readToEnd's single-member throwaway group: exactly these partitions. */
const fixedAssigner = (topic: string, partitions: number[]): PartitionAssigner => () => ({
  name: 'fixed',
  version: 0,
  async assign({ members }) {
    return members.map((m, i) => ({
      memberId: m.memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({
        version: 0,
        assignment: i === 0 ? { [topic]: partitions } : {},
        userData: Buffer.alloc(0),
      }),
    }));
  },
  protocol: ({ topics }) => ({
    name: 'fixed',
    metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }),
  }),
});

function byteLength(v: string | Buffer | null): number {
  if (v === null) return 0;
  return typeof v === 'string' ? Buffer.byteLength(v) : v.length;
}

function toRawRecord(topic: string, partition: number, m: KafkaMessage): RawRecord {
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key ?? null,
    value: m.value ?? null,
    timestamp: Number(m.timestamp),
    headers: toHeaders(m.headers),
  };
}

function toHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  for (const [k, v] of Object.entries(headers)) {
    const one = Array.isArray(v) ? v[v.length - 1] : v;   // a repeated header: the last one wins
    if (one !== undefined) out[k] = typeof one === 'string' ? one : one.toString('utf8');
  }
  return out;
}

function toTopicPartitions(assignment: Record<string, number[]>): TopicPartition[] {
  return Object.entries(assignment)
    .flatMap(([topic, ps]) => ps.map((partition) => ({ topic, partition })))
    .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}

async function waitForTopics(
  partitionCounts: (topics: readonly string[]) => Promise<Record<string, number>>,
  specs: readonly TopicSpec[],
): Promise<void> {
  const deadline = Date.now() + TOPIC_VISIBLE_TIMEOUT_MS;
  for (;;) {
    const counts = await partitionCounts(specs.map((s) => s.topic));
    if (specs.every((s) => counts[s.topic] === s.numPartitions)) return;
    if (Date.now() > deadline) throw new Error(`created topics not visible after ${TOPIC_VISIBLE_TIMEOUT_MS} ms: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const PINO_LEVEL: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [KjsLogLevel.ERROR]: 'error',
  [KjsLogLevel.WARN]: 'warn',
  [KjsLogLevel.INFO]: 'info',
  [KjsLogLevel.DEBUG]: 'debug',
};

function toPino(log: Logger, { namespace, level, log: entry }: LogEntry): void {
  const { message, timestamp: _t, logger: _l, ...extra } = entry as LogEntry['log'] & { logger?: unknown };
  let pinoLevel = PINO_LEVEL[level] ?? 'info';
  // kafkajs logs every error response at ERROR from 'Connection', including the routine
  // REBALANCE_IN_PROGRESS heartbeat answer (once per partition) that it then handles itself.
  // Failures that matter reach us as CRASH events or rejected promises.
  if (namespace === 'Connection' && pinoLevel === 'error') {
    pinoLevel = /rebalanc/i.test(String(extra.error)) ? 'debug' : 'warn';
  }
  log[pinoLevel]({ ns: namespace, ...extra }, message);
}
