/**
 * Which Kafka to talk to (DESIGN.md "Local Kafka without Docker"), in this order:
 *   1. KAFKA_BROKERS (comma list): someone runs a broker for us;
 *   2. a testcontainers `apache/kafka` container, when a container engine answers;
 *   3. the real broker from Maven Central jars on the local JDK (local-broker.ts).
 * Never a mock: integration tests and `npm start` always get a real broker.
 */
import type { StartedTestContainer } from 'testcontainers';
import { defaultKafkaVersion, startLocalBroker, type LocalBrokerOptions } from './local-broker.js';

export type BrokerSource = 'env' | 'container' | 'local';

export type ResolvedBrokers = {
  brokers: string[];
  source: BrokerSource;
  /** Stops what resolveBrokers started; a no-op for env brokers and reused local ones. */
  stop(): Promise<void>;
};

export type ResolveBrokersOptions = {
  /** Defaults to process.env; a parameter so the choice is testable. */
  env?: NodeJS.ProcessEnv;
  /** How long the container-engine probe may take before we give up on it (default 2 s). */
  runtimeProbeMs?: number;
  /** Options for the local broker fallback. */
  local?: LocalBrokerOptions;
  log?: (msg: string) => void;
};

/** "a:1, b:2,," → ["a:1", "b:2"]; undefined when nothing usable is set. */
export function parseBrokerList(value: string | undefined): string[] | undefined {
  const brokers = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return brokers.length > 0 ? brokers : undefined;
}

export async function resolveBrokers(opts: ResolveBrokersOptions = {}): Promise<ResolvedBrokers> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? (() => {});

  const fromEnv = parseBrokerList(env.KAFKA_BROKERS);
  if (fromEnv) {
    log(`kafka: using KAFKA_BROKERS=${fromEnv.join(',')}`);
    return { brokers: fromEnv, source: 'env', stop: async () => {} };
  }

  const version = opts.local?.version ?? defaultKafkaVersion(env);
  if (await containerRuntimeAnswers(opts.runtimeProbeMs ?? 2_000)) {
    log(`kafka: container engine found; starting apache/kafka:${version}`);
    return startContainerBroker(version);
  }

  log('kafka: no KAFKA_BROKERS and no container engine; using the local broker (infra/kafka)');
  const local = await startLocalBroker({ version, log, ...opts.local });
  return { ...local, source: 'local' };
}

/**
 * testcontainers is a devDependency: imported lazily so production installs without it still
 * reach the local broker. With no engine it fails in milliseconds; the race only guards
 * against an engine socket that accepts but never answers.
 */
async function containerRuntimeAnswers(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((res) => {
    timer = setTimeout(() => res(false), timeoutMs);
  });
  const probe = (async () => {
    try {
      const { getContainerRuntimeClient } = await import('testcontainers');
      await getContainerRuntimeClient();
      return true;
    } catch {
      return false;
    }
  })();
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One KRaft node in the official image. The advertised listener must be the address clients
 * use from the host, which includes the mapped port, so we pick the host port up front and
 * bind it explicitly instead of letting the engine choose.
 */
async function startContainerBroker(version: string): Promise<ResolvedBrokers> {
  const tc = await import('testcontainers');
  const client = await tc.getContainerRuntimeClient();
  const host = client.info.containerRuntime.host;
  const hostPort = await new tc.RandomPortGenerator().generatePort();
  const container: StartedTestContainer = await new tc.GenericContainer(`apache/kafka:${version}`)
    .withExposedPorts({ container: 9092, host: hostPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${hostPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      // The single-node settings of infra/kafka/broker-cmd.sh that matter to clients.
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_NUM_PARTITIONS: '6',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .withWaitStrategy(tc.Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(120_000)
    .start();
  return {
    brokers: [`${host}:${hostPort}`],
    source: 'container',
    stop: async () => {
      await container.stop();
    },
  };
}
