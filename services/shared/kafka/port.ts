/**
 * The Kafka port: the only Kafka surface the roles see. Two adapters implement it
 * (kafkajs.ts, rdkafka.ts); handlers never import a Kafka library.
 *
 * Delivery contract: a consumer hands a batch of records of ONE topic-partition to the
 * handler and commits the batch's offsets only after the handler's promise resolves (and,
 * with `checkpoint`, after the next flush that follows it resolved). If the handler rejects,
 * nothing is committed and the batch is delivered again (at least once). Handlers should
 * therefore never throw for bad input: park it on the DLQ.
 */

export const DEFAULT_CLIENT_ID = 'live-room-supervisor';
/** Upper bound of records per handler call unless ConsumerOptions.maxBatch says otherwise. */
export const DEFAULT_MAX_BATCH = 500;

export type RawRecord = {
  topic: string;
  partition: number;
  /** Kafka offsets are int64; kept as a decimal string like both client libraries do. */
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  /** Broker/producer timestamp, epoch ms. Informational only: the engine uses event time. */
  timestamp: number;
  headers: Record<string, string>;
};

export type OutRecord = {
  topic: string;
  key: string | Buffer | null;
  /** null = tombstone (compacted topics). */
  value: string | Buffer | null;
  /** Explicit partition; unset = the client's default partitioner by key. */
  partition?: number;
  headers?: Record<string, string>;
};

export type TopicPartition = { topic: string; partition: number };

export type TopicSpec = {
  topic: string;
  numPartitions: number;
  /** Extra topic configs, e.g. { 'cleanup.policy': 'compact' }. */
  configs?: Record<string, string>;
};

export type BatchHandler = (records: readonly RawRecord[]) => Promise<void>;

export type ConsumerOptions = {
  groupId: string;
  topics: readonly string[];
  /**
   * Partition p of every subscribed topic goes to the same group member. All subscribed
   * topics must have the same partition count.
   */
  coPartitioned?: boolean;
  /** Where a group with no committed offset starts. Default: 'earliest'. */
  fromBeginning?: boolean;
  /**
   * Called with the full new assignment each time it changes (after a rebalance). `lost`: the
   * member may have been out of the group since its previous assignment (it was stalled or cut
   * off, see membership.ts), so state it kept for any partition may miss what another member
   * handled meanwhile: drop it all and restore. Its uncommitted positions are forgotten too.
   */
  onAssignment?: (assigned: readonly TopicPartition[], how: { lost: boolean }) => void;
  /** Upper bound of records per handler call. */
  maxBatch?: number;
  /**
   * How many topic-partitions may be in the handler at once (default 1: one call at a time).
   * Records of ONE topic-partition are never handed out while an earlier call for it is in
   * flight, and each partition's offsets are still committed only after its own call resolved.
   * Calls start in fetch order, those of one fetch normally within one turn of the event loop (the
   * worker takes them together and applies their records in event-time order); only the waits
   * (producer acks, commits) overlap.
   */
  partitionsConcurrently?: number;
  /**
   * How long the coordinator keeps this member without a heartbeat (default 30 s; the broker
   * allows 6 s to 30 min). With `checkpoint.flush`, a member that may have outlived it (stalled,
   * or not answered for half of it) writes nothing until its membership is confirmed again
   * (membership.ts).
   */
  sessionTimeoutMs?: number;
  /**
   * Commit at most every `intervalMs` (and soon after the records stop coming), each commit
   * preceded by `flush()`: offsets are committed only once the flush that started after their
   * handler resolved has resolved. A failed flush commits nothing (the next one tries again).
   * Also on stop and before giving partitions up in a rebalance. Unset: every
   * handled batch is committed as soon as possible. `spread` and `flowing`: see checkpoint.ts.
   */
  checkpoint?: {
    intervalMs: number;
    /** after the last handled call (default 100) */
    idleMs?: number;
    flush?(how: FlushHow): Promise<void>;
  };
};

/** A topic-partition's position: the next offset to read. */
export type Position = { topic: string; partition: number; /** the next offset to read */ offset: number };

/** What a checkpoint's flush is told (checkpoint.ts says what each part means). */
export type FlushHow = {
  spread: boolean;
  positions: readonly Position[];
  flowing(): boolean;
};

export type Consumer = {
  /** Starts consuming; resolves once the consumer has joined its group. */
  run(handler: BatchHandler): Promise<void>;
  /** Stops fetching, waits for the handler in flight, commits, leaves the group. */
  stop(): Promise<void>;
};

export type Producer = {
  /**
   * Resolves once the broker acknowledged every record (acks = all). Rejects otherwise.
   * Records of calls made one after the other land in each partition in call order, even when
   * the calls overlap: the worker's newest snapshot of a room must be the last one written.
   */
  send(records: readonly OutRecord[]): Promise<void>;
  close(): Promise<void>;
};

export type Admin = {
  /** Creates the missing topics; existing ones are left as they are (partitions are checked). */
  ensureTopics(specs: readonly TopicSpec[]): Promise<{ created: string[]; existing: string[] }>;
  /** Partition count of each topic (0 if it does not exist). */
  partitionCounts(topics: readonly string[]): Promise<Record<string, number>>;
  close(): Promise<void>;
};

export type KafkaClientKind = 'kafkajs' | 'rdkafka';

export type KafkaPort = {
  kind: KafkaClientKind;
  brokers: readonly string[];
  admin(): Promise<Admin>;
  producer(): Promise<Producer>;
  consumer(options: ConsumerOptions): Consumer;
  /**
   * Reads the given partitions of a topic from the beginning up to their high watermark at
   * call time, without a consumer group, then resolves. Used to restore state from the
   * compacted supervisor.state topic.
   */
  readToEnd(topic: string, partitions: readonly number[], onRecord: (rec: RawRecord) => void): Promise<void>;
};
