/**
 * KafkaPort adapter on node-rdkafka (librdkafka). node-rdkafka is an optionalDependency: it is
 * loaded with createRequire inside createRdkafkaPort, so the kafkajs path works without it.
 *
 * Invariants (port.ts, STYLE §9):
 * - One consume loop per consumer, strictly sequential: consume(maxBatch) → group by
 *   topic-partition → handler per group → offset + 1 to the checkpointer only after it
 *   resolved, which commits after its flush (queued; commitSync on stop and revoke).
 *   librdkafka serves rebalance callbacks from consume(), so no rebalance can land while a
 *   handler runs; a revoke still waits for the group in flight and a checkpoint of what it
 *   handled before unassigning.
 * - After a stall of the whole process long enough to be expelled, checkpoints write nothing
 *   for half a session; a revoke then is taken as lost (no checkpoint), and the next assignment
 *   says `lost` (membership.ts).
 * - A rejected handler commits nothing: the partition is seeked back to the group's first
 *   offset (librdkafka purges what it had prefetched), so the same records come again.
 * - Keyed records use librdkafka's 'murmur2_random' partitioner: the Java (and kafkajs)
 *   default, so a key lands on the same partition whichever client produced it.
 * - Gotcha (toolchain-notes): disconnect() after a failed connect throws synchronously, so
 *   every disconnect goes through safeDisconnect.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as RdKafka from 'node-rdkafka';
import { pino, type Logger } from 'pino';
import { createCheckpointer } from './checkpoint.js';
import { createStallGuard } from './membership.js';
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

type RdKafkaModule = typeof RdKafka;

const CONNECT_TIMEOUT_MS = 10_000;
const ADMIN_OP_TIMEOUT_MS = 10_000;
const METADATA_TIMEOUT_MS = 10_000;
/**
 * How long an idle consumer waits for the first message. node-rdkafka's consume(n) applies its
 * timeout to EVERY message (it returns only after n messages or a silence that long), so
 * fetchBatch waits only for the first message and then drains what is already queued.
 */
const CONSUME_TIMEOUT_MS = 100;
/**
 * Records per consume() call when several partitions are handled at once (what is queued, up to
 * this). A worker that is behind then gets several events of each room in one handler call
 * (see DEFAULT_WORKER_MAX_BATCH). 100,000 made a cold worker's first seconds slower.
 */
const MAX_FETCH = 40_000;
/**
 * After an assignment librdkafka starts fetching each partition once its position is known: a
 * round trip later for one with no committed offset. The first records after an assignment
 * wait this long for the others, so the co-partitioned topics a restarted worker reads are
 * handed out together and applied in event-time order (handle-batch.ts). Once per assignment.
 */
const ASSIGN_LINGER_MS = 500;
/** Delivery reports arrive through poll(); every poll interval adds to a send's latency. */
const PRODUCER_POLL_MS = 2;
const PRODUCER_LINGER_MS = 2;
const PRODUCER_FLUSH_MS = 5_000;
const HEARTBEAT_INTERVAL_MS = 1_000;
const SESSION_TIMEOUT_MS = 30_000;
const RETRY_BACKOFF_MIN_MS = 100;
const RETRY_BACKOFF_MAX_MS = 5_000;
const TOPIC_VISIBLE_TIMEOUT_MS = 10_000;

// librdkafka error codes (lib/error.js); the typed CODES object describes 2.12, we run 2.0.2.
const ERR__REVOKE_PARTITIONS = -174;
const ERR__ASSIGN_PARTITIONS = -175;
const ERR__QUEUE_FULL = -184;
const ERR_TOPIC_ALREADY_EXISTS = 36;

export type RdkafkaPortOptions = {
  brokers: string[];
  clientId?: string;
  /** Parent logger; the adapter logs under component 'kafka.rdkafka'. Default: silent. */
  log?: Logger;
};

export async function createRdkafkaPort(opts: RdkafkaPortOptions): Promise<KafkaPort> {
  const Kafka = loadRdkafka();
  const log = (opts.log ?? pino({ level: 'silent' })).child({ component: 'kafka.rdkafka' });
  const base = {
    'metadata.broker.list': opts.brokers.join(','),
    'client.id': opts.clientId ?? DEFAULT_CLIENT_ID,
    'socket.keepalive.enable': true,
  };

  const metadataClient = async (): Promise<RdKafka.Producer> => {
    const p = new Kafka.Producer({ ...base });
    await connectClient(p);
    return p;
  };

  return {
    kind: 'rdkafka',
    brokers: [...opts.brokers],

    async admin(): Promise<Admin> {
      const meta = await metadataClient();
      let admin: RdKafka.IAdminClient;
      try {
        admin = Kafka.AdminClient.create({ ...base });
      } catch (err) {
        await safeDisconnect(meta);
        throw err;
      }
      const partitionCounts = async (topics: readonly string[]): Promise<Record<string, number>> => {
        const md = await new Promise<RdKafka.Metadata>((resolve, reject) =>
          meta.getMetadata({ allTopics: true, timeout: METADATA_TIMEOUT_MS }, (err, data) => (err ? reject(err) : resolve(data))));
        const byName = new Map(md.topics.map((t) => [t.name, t.partitions.length]));
        return Object.fromEntries(topics.map((t) => [t, byName.get(t) ?? 0]));
      };
      return {
        partitionCounts,
        async ensureTopics(specs: readonly TopicSpec[]) {
          const before = await partitionCounts(specs.map((s) => s.topic));
          const created: string[] = [];
          const existing: string[] = [];
          for (const s of specs) {
            if (before[s.topic] === 0) {
              const outcome = await new Promise<'created' | 'existing'>((resolve, reject) =>
                admin.createTopic(
                  { topic: s.topic, num_partitions: s.numPartitions, replication_factor: -1, config: { ...s.configs } },
                  ADMIN_OP_TIMEOUT_MS,
                  (err) => (!err ? resolve('created') : err.code === ERR_TOPIC_ALREADY_EXISTS ? resolve('existing') : reject(err)),
                ));
              (outcome === 'created' ? created : existing).push(s.topic);
            } else {
              existing.push(s.topic);
              if (before[s.topic] !== s.numPartitions) {
                log.warn({ topic: s.topic, expected: s.numPartitions, actual: before[s.topic] }, 'topic exists with a different partition count');
              }
            }
          }
          await waitForTopics(partitionCounts, specs.filter((s) => created.includes(s.topic)));
          return { created, existing };
        },
        async close() {
          try { admin.disconnect(); } catch (err) { log.debug({ err }, 'admin disconnect failed'); }
          await safeDisconnect(meta);
        },
      };
    },

    async producer(): Promise<Producer> {
      // Idempotence keeps each partition in produce order through librdkafka's retries (at most
      // 5 requests in flight, sequence numbers checked by the broker): port.ts promises call order.
      const producer = new Kafka.Producer(
        { ...base, dr_cb: true, 'linger.ms': PRODUCER_LINGER_MS, 'enable.idempotence': true },
        { 'request.required.acks': -1, partitioner: 'murmur2_random' },
      );
      producer.on('event.error', (err) => log.warn({ err }, 'producer error'));
      producer.on('delivery-report', (err, report) => {
        const pending = report.opaque as PendingSend | undefined;
        if (pending === undefined) return;
        if (err) pending.errors.push(err);
        pending.left--;
        settle(pending);
      });
      await connectClient(producer);
      producer.setPollInterval(PRODUCER_POLL_MS);      // delivery reports arrive through poll()
      let closed = false;
      return {
        async send(records: readonly OutRecord[]) {
          if (closed) throw new Error('producer is closed');
          if (records.length === 0) return;
          let pending!: PendingSend;
          const done = new Promise<void>((resolve, reject) => {
            pending = { left: records.length, errors: [], resolve, reject, settled: false };
          });
          for (let i = 0; i < records.length; i++) {
            const r = records[i]!;
            const value = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
            const headers = r.headers === undefined ? undefined : Object.entries(r.headers).map(([k, v]) => ({ [k]: v }));
            for (;;) {
              try {
                producer.produce(r.topic, r.partition ?? null, value, r.key, Date.now(), pending, headers);
                break;
              } catch (err) {
                if ((err as RdKafka.LibrdKafkaError).code === ERR__QUEUE_FULL) { await sleep(PRODUCER_POLL_MS); continue; }
                pending.errors.push(err as Error);
                pending.left -= records.length - i;       // never queued: no report will come
                settle(pending);
                return done;
              }
            }
          }
          return done;
        },
        async close() {
          if (closed) return;
          closed = true;
          await new Promise<void>((resolve) => {
            try { producer.flush(PRODUCER_FLUSH_MS, () => resolve()); } catch { resolve(); }
          });
          producer.setPollInterval(0);
          await safeDisconnect(producer);
        },
      };
    },

    consumer: (options: ConsumerOptions): Consumer => createConsumer(Kafka, base, options, log),

    async readToEnd(topic, partitions, onRecord) {
      const wanted = [...new Set(partitions)].sort((a, b) => a - b);
      if (wanted.length === 0) return;
      // No subscribe, so no group is joined and nothing is committed; librdkafka still wants an id.
      const consumer = new Kafka.KafkaConsumer(
        { ...base, 'group.id': `${DEFAULT_CLIENT_ID}.read-to-end.${randomUUID()}`, 'enable.auto.commit': false, 'enable.partition.eof': true },
        { 'auto.offset.reset': 'earliest' },
      );
      await connectClient(consumer);
      try {
        const end = new Map<number, number>();          // partition → high watermark at call time
        const start: RdKafka.TopicPartitionOffset[] = [];
        for (const partition of wanted) {
          const wm = await new Promise<RdKafka.WatermarkOffsets>((resolve, reject) =>
            consumer.queryWatermarkOffsets(topic, partition, METADATA_TIMEOUT_MS, (err, o) => (err ? reject(err) : resolve(o))));
          if (wm.highOffset > wm.lowOffset) {
            end.set(partition, wm.highOffset);
            start.push({ topic, partition, offset: wm.lowOffset });
          }
        }
        if (end.size === 0) return;
        // EOF events can fire while consumeBatch collects, before the batch's messages are handed
        // over here: note them and settle after the messages (a compacted partition may never
        // show its last offset, so EOF is what ends it).
        const eofAt = new Map<number, number>();
        consumer.on('partition.eof', (eof) => {
          if (eof.topic === topic) eofAt.set(eof.partition, Math.max(eof.offset, eofAt.get(eof.partition) ?? 0));
        });
        consumer.setDefaultConsumeTimeout(CONSUME_TIMEOUT_MS);
        consumer.assign(start);
        while (end.size > 0) {
          const messages = await consumeBatch(consumer, DEFAULT_MAX_BATCH);
          for (const m of messages) {
            const high = end.get(m.partition);
            if (m.topic !== topic || high === undefined || m.offset >= high) continue;
            onRecord(toRawRecord(m));
            if (m.offset + 1 >= high) end.delete(m.partition);
          }
          for (const [partition, offset] of eofAt) {
            const high = end.get(partition);
            if (high !== undefined && offset >= high) end.delete(partition);
          }
        }
      } finally {
        try { consumer.unassign(); } catch { /* not connected any more: nothing to release */ }
        await safeDisconnect(consumer);
      }
    },
  };
}

type PendingSend = {
  left: number;
  errors: Array<Error | RdKafka.LibrdKafkaError>;
  settled: boolean;
  resolve(): void;
  reject(err: Error): void;
};

function settle(p: PendingSend): void {
  if (p.settled || p.left > 0) return;
  p.settled = true;
  if (p.errors.length === 0) p.resolve();
  else p.reject(new Error(`${p.errors.length} record(s) not delivered: ${p.errors[0]!.message}`, { cause: p.errors[0] }));
}

function createConsumer(
  Kafka: RdKafkaModule,
  base: Record<string, string | boolean>,
  options: ConsumerOptions,
  parentLog: Logger,
): Consumer {
  const log = parentLog.child({ groupId: options.groupId });
  const maxBatch = Math.max(1, options.maxBatch ?? DEFAULT_MAX_BATCH);
  let assigned = new Set<string>();                     // tpKey of what we may hand to the handler
  let owned = new Set<string>();                        // tpKey of what we may commit (until unassign)
  // tpKey → offset after the last record we handled. A consume() call that spans a rebalance
  // returns records fetched under the old generation, and the new one fetches again from the
  // committed offset: without this the same member would handle those records twice.
  const handledUpTo = new Map<string, number>();
  let lastAssignment: string | undefined;
  let lingerNext = false;                                // the first fetch after an assignment waits ASSIGN_LINGER_MS
  const concurrency = Math.max(1, options.partitionsConcurrently ?? 1);
  const fetchMax = Math.min(MAX_FETCH, maxBatch * concurrency);
  let inFlight: Promise<unknown> = Promise.resolve();
  let running = false;
  let stopped: Promise<void> | undefined;
  let loopDone: Promise<void> = Promise.resolve();
  let failures = 0;
  const wakers = new Set<() => void>();
  let onJoined: (() => void) | undefined;
  // Whether the coordinator may have expelled this member while the whole process stalled
  // (membership.ts); librdkafka's own threads heartbeat through a stalled event loop.
  const membership = createStallGuard(options.sessionTimeoutMs ?? SESSION_TIMEOUT_MS, HEARTBEAT_INTERVAL_MS);
  const checkpointer = createCheckpointer({
    ...(options.checkpoint ?? { intervalMs: 0 }),
    // commitSync blocks the event loop for a broker round trip: only where the commit must be
    // done before going on (stop, revoke). Otherwise librdkafka queues it; a later commit
    // supersedes one that failed.
    commit: (positions, { final }) => void (final ? consumer.commitSync(positions) : consumer.commit(positions)),
    owns: (topic, partition) => owned.has(tpKey({ topic, partition })),
    member: membership.member,
    log,
  });

  const onRebalance = (err: RdKafka.LibrdKafkaError | undefined, assignment: RdKafka.TopicPartition[]): void => {
    if (err?.code === ERR__ASSIGN_PARTITIONS) {
      try { consumer.assign(assignment); } catch (e) { log.error({ err: e }, 'assign failed'); }
      const lost = membership.assigned();
      assigned = new Set(assignment.map(tpKey));
      owned = new Set(assigned);
      lingerNext = true;
      // After an expulsion nothing handled before is ours: another member may have handled
      // and committed past it meanwhile, so every partition starts again at its commit.
      checkpointer.retain(lost ? () => false : (topic, partition) => owned.has(tpKey({ topic, partition })));
      for (const key of handledUpTo.keys()) if (lost || !assigned.has(key)) handledUpTo.delete(key);
      const sorted = sortTopicPartitions(assignment.map(({ topic, partition }) => ({ topic, partition })));
      const key = JSON.stringify(sorted);
      if (lost) log.warn({ assigned: sorted.length }, 'partitions assigned after this member may have been out of the group: its partition state is dropped');
      else log.info({ assigned: sorted.length }, 'partitions assigned');
      if (key !== lastAssignment || lost) {
        lastAssignment = key;
        options.onAssignment?.(sorted, { lost });
      }
      onJoined?.();
    } else if (err?.code === ERR__REVOKE_PARTITIONS) {
      assigned = new Set();                              // the loop hands nothing more out
      // The generation stays valid until we unassign: let the group in flight finish and
      // checkpoint what was handled (flush, commit), so the next owner starts right after it.
      // Not when the partitions were lost (expelled after a stall): they have a new owner.
      const lost = membership.revoked();
      if (lost) log.warn('partitions revoked as lost (this member was stalled): no checkpoint');
      void inFlight.then(() => (lost ? undefined : checkpointer.drain())).finally(() => {
        owned = new Set();
        try { consumer.unassign(); } catch (e) { log.debug({ err: e }, 'unassign failed'); }
      });
    } else {
      log.error({ err }, 'rebalance error');
    }
  };

  const consumer = new Kafka.KafkaConsumer(
    {
      ...base,
      'group.id': options.groupId,
      'enable.auto.commit': false,
      'enable.auto.offset.store': false,
      'heartbeat.interval.ms': HEARTBEAT_INTERVAL_MS,
      'session.timeout.ms': options.sessionTimeoutMs ?? SESSION_TIMEOUT_MS,
      // RangeAssignor: with equal partition counts and the same subscription on every member,
      // partition p of every topic lands on the same member (tested in kafka-port.int.test.ts).
      ...(options.coPartitioned && { 'partition.assignment.strategy': 'range' }),
      rebalance_cb: onRebalance,
    },
    { 'auto.offset.reset': options.fromBeginning === false ? 'latest' : 'earliest' },
  );
  consumer.on('event.error', (err) => log.warn({ err }, 'consumer error'));
  consumer.setDefaultConsumeTimeout(CONSUME_TIMEOUT_MS);

  const pause = (ms: number) => {
    let wake!: () => void;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => { clearTimeout(timer); resolve(); };
      wakers.add(wake);
    }).finally(() => wakers.delete(wake));
  };

  const seek = (tp: RdKafka.TopicPartitionOffset) =>
    new Promise<void>((resolve, reject) => consumer.seek(tp, 1_000, (err) => (err ? reject(err) : resolve())));

  /**
   * One partition's records of a fetch, in chunks of at most maxBatch, one after the other;
   * each handled chunk goes to the checkpointer. A rejected chunk stops the lane: the
   * partition is seeked back to that chunk's first record.
   */
  const handleLane = async (handler: BatchHandler, messages: RdKafka.Message[]): Promise<void> => {
    for (let i = 0; i < messages.length && running; i += maxBatch) {
      const chunk = messages.length <= maxBatch ? messages : messages.slice(i, i + maxBatch);
      const first = chunk[0]!;
      const last = chunk[chunk.length - 1]!;
      if (!assigned.has(tpKey(first))) break;           // revoked meanwhile: not ours to commit
      try {
        await checkpointer.call(() => handler(chunk.map(toRawRecord)));
      } catch (err) {
        failures++;
        const backoff = Math.min(RETRY_BACKOFF_MAX_MS, RETRY_BACKOFF_MIN_MS * 2 ** (failures - 1));
        log.warn({ err, topic: first.topic, partition: first.partition, offset: first.offset, backoff }, 'handler rejected; batch will be redelivered');
        try {
          await seek({ topic: first.topic, partition: first.partition, offset: first.offset });
        } catch (seekErr) {
          // Without the seek the position has moved on: the only safe way back to the uncommitted
          // records is to rejoin, which restarts every partition at its committed offset.
          log.error({ err: seekErr, topic: first.topic, partition: first.partition }, 'seek failed; resubscribing');
          try { consumer.unsubscribe(); consumer.subscribe([...options.topics]); } catch (e) { log.error({ err: e }, 'resubscribe failed'); }
        }
        await pause(backoff);
        return;
      }
      failures = 0;
      handledUpTo.set(tpKey(last), last.offset + 1);
      checkpointer.handled(last.topic, last.partition, last.offset + 1);
    }
  };

  const loop = async (handler: BatchHandler): Promise<void> => {
    let consumeFailures = 0;
    while (running) {
      let messages: RdKafka.Message[];
      try {
        messages = await fetchBatch(consumer, fetchMax);
        if (lingerNext && messages.length > 0) {
          lingerNext = false;
          await pause(ASSIGN_LINGER_MS);
          if (messages.length < fetchMax) messages = messages.concat(await fetchBatch(consumer, fetchMax - messages.length, false));
        }
        consumeFailures = 0;
      } catch (err) {
        consumeFailures++;
        log.warn({ err, consumeFailures }, 'consume failed');
        await pause(Math.min(RETRY_BACKOFF_MAX_MS, RETRY_BACKOFF_MIN_MS * 2 ** (consumeFailures - 1)));
        continue;
      }
      const lanes: RdKafka.Message[][] = [];
      for (const fetched of groupByPartition(messages).values()) {
        const key = tpKey(fetched[0]!);
        if (!assigned.has(key)) continue;                 // revoked since it was fetched
        const done = handledUpTo.get(key) ?? -1;
        const group = fetched[0]!.offset >= done ? fetched : fetched.filter((m) => m.offset >= done);
        if (group.length > 0) lanes.push(group);
      }
      // `concurrency` partitions at a time, started in fetch order.
      for (let i = 0; i < lanes.length && running; i += concurrency) {
        const round = concurrency === 1 ? [lanes[i]!] : lanes.slice(i, i + concurrency);
        const settled = Promise.all(round.map((lane) => handleLane(handler, lane)));
        inFlight = settled;
        await settled;
      }
    }
  };

  return {
    async run(handler: BatchHandler) {
      if (running || stopped) throw new Error('consumer.run called twice or after stop');
      const joined = new Promise<void>((resolve) => (onJoined = resolve));
      try {
        await connectClient(consumer);
      } catch (err) {
        if (stopped) return;                              // stop() during startup: not an error
        throw err;
      }
      if (stopped) return;
      consumer.subscribe([...options.topics]);
      running = true;
      loopDone = loop(handler).catch((err: unknown) => log.error({ err }, 'consume loop failed'));
      await joined;                                       // the loop's consume() serves the rebalance
    },

    stop() {
      stopped ??= (async () => {
        running = false;
        for (const wake of wakers) wake();
        onJoined?.();                                     // stop() before the first assignment
        await loopDone;                                   // the handler in flight
        await checkpointer.drain();                       // flush and commit what it handled
        checkpointer.close();
        membership.close();
        await safeDisconnect(consumer);                   // close(): revoke → unassign → LeaveGroup
      })();
      return stopped;
    },
  };
}

function loadRdkafka(): RdKafkaModule {
  try {
    return createRequire(import.meta.url)('node-rdkafka') as RdKafkaModule;
  } catch (cause) {
    throw new Error('node-rdkafka is not installed (it is optional): use the kafkajs client', { cause });
  }
}

function consumeBatch(consumer: RdKafka.KafkaConsumer, max: number): Promise<RdKafka.Message[]> {
  return new Promise((resolve, reject) => consumer.consume(max, (err, messages) => (err ? reject(err) : resolve(messages))));
}

/**
 * Up to `max` records: what is already queued, without waiting; if nothing is (and `wait`), waits
 * up to CONSUME_TIMEOUT_MS for the first record and then takes what is queued behind it. (consume(n)
 * alone would wait for n records as long as they keep trickling in: up to n / rate seconds.)
 */
async function fetchBatch(consumer: RdKafka.KafkaConsumer, max: number, wait = true): Promise<RdKafka.Message[]> {
  consumer.setDefaultConsumeTimeout(0);
  const ready = await consumeBatch(consumer, max);
  if (ready.length > 0 || max === 1 || !wait) return ready;
  consumer.setDefaultConsumeTimeout(CONSUME_TIMEOUT_MS);
  const first = await consumeBatch(consumer, 1);
  if (first.length === 0) return first;
  consumer.setDefaultConsumeTimeout(0);
  const rest = await consumeBatch(consumer, max - 1);
  return rest.length === 0 ? first : first.concat(rest);
}

function groupByPartition(messages: readonly RdKafka.Message[]): Map<string, RdKafka.Message[]> {
  const groups = new Map<string, RdKafka.Message[]>();
  for (const m of messages) {
    const key = tpKey(m);
    let list = groups.get(key);
    if (list === undefined) groups.set(key, (list = []));
    list.push(m);
  }
  return groups;
}

const tpKey = (tp: { topic: string; partition: number }): string => `${tp.topic}\0${tp.partition}`;

function toRawRecord(m: RdKafka.Message): RawRecord {
  const headers: Record<string, string> = {};
  for (const h of m.headers ?? []) {
    for (const [k, v] of Object.entries(h)) headers[k] = typeof v === 'string' ? v : Buffer.from(v).toString('utf8');
  }
  return {
    topic: m.topic,
    partition: m.partition,
    offset: String(m.offset),
    key: m.key === undefined || m.key === null ? null : typeof m.key === 'string' ? Buffer.from(m.key) : m.key,
    value: m.value ?? null,
    timestamp: m.timestamp ?? 0,
    headers,
  };
}

function sortTopicPartitions(tps: TopicPartition[]): TopicPartition[] {
  return tps.sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}

function connectClient(client: RdKafka.Producer | RdKafka.KafkaConsumer): Promise<void> {
  return new Promise((resolve, reject) => {
    client.connect({ timeout: CONNECT_TIMEOUT_MS }, (err) => {
      if (!err) return resolve();
      void safeDisconnect(client);
      reject(err);
    });
  });
}

/** disconnect() throws synchronously when the client never connected (toolchain-notes). */
function safeDisconnect(client: RdKafka.Producer | RdKafka.KafkaConsumer): Promise<void> {
  return new Promise((resolve) => {
    try {
      client.disconnect(() => resolve());
    } catch {
      resolve();
    }
  });
}

async function waitForTopics(
  partitionCounts: (topics: readonly string[]) => Promise<Record<string, number>>,
  specs: readonly TopicSpec[],
): Promise<void> {
  if (specs.length === 0) return;
  const deadline = Date.now() + TOPIC_VISIBLE_TIMEOUT_MS;
  for (;;) {
    const counts = await partitionCounts(specs.map((s) => s.topic));
    if (specs.every((s) => counts[s.topic] === s.numPartitions)) return;
    if (Date.now() > deadline) throw new Error(`created topics not visible after ${TOPIC_VISIBLE_TIMEOUT_MS} ms: ${JSON.stringify(counts)}`);
    await sleep(100);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
