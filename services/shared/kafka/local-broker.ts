/**
 * A real Apache Kafka broker (one KRaft node) run from Maven Central jars with the local JDK,
 * for tests and `npm start` on machines without a container engine.
 *
 * The broker configuration lives in infra/kafka/broker-cmd.sh (shared with start.sh): this
 * module asks that script for the java command line and spawns it as a child process, so the
 * broker dies with us instead of outliving the test run.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;
const execFileAsync = promisify(execFile);

/** infra/kafka/ of this checkout (this file is services/shared/kafka/local-broker.ts). */
export const KAFKA_INFRA_DIR = fileURLToPath(new URL('../../../infra/kafka/', import.meta.url));

export type LocalBrokerOptions = {
  /** Client port on 127.0.0.1 (default 9092). */
  port?: number;
  /** KRaft controller port (default port + 1, i.e. 9093). */
  controllerPort?: number;
  /** Data, pid file and broker.log (default infra/kafka/run/<port>/, like start.sh). */
  dataDir?: string;
  /** Kafka version (default $KAFKA_VERSION, else the pom's kafka.version). */
  version?: string;
  /** How long to wait for the broker to answer, fetch excluded (default 90 s). */
  startTimeoutMs?: number;
  log?: (msg: string) => void;
};

export type LocalBroker = { brokers: string[]; stop(): Promise<void> };

const FETCH_TIMEOUT_MS = 10 * 60_000; // a first Maven fetch of ~45 MB; normally seconds
const STOP_TIMEOUT_MS = 20_000;
const LOG_TAIL_LINES = 40;

/** The version the scripts use: $KAFKA_VERSION, else <kafka.version> in infra/kafka/pom.xml. */
export function defaultKafkaVersion(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.KAFKA_VERSION?.trim();
  if (fromEnv) return fromEnv;
  const pom = readFileSync(join(KAFKA_INFRA_DIR, 'pom.xml'), 'utf8');
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom);
  if (!match?.[1]) throw new Error('infra/kafka/pom.xml has no <kafka.version>');
  return match[1].trim();
}

export async function startLocalBroker(opts: LocalBrokerOptions = {}): Promise<LocalBroker> {
  const log = opts.log ?? (() => {});
  const port = opts.port ?? 9092;
  const controllerPort = opts.controllerPort ?? port + 1;
  const address = `127.0.0.1:${port}`;

  // A broker someone else started (start.sh, another test run) is good enough, and is not ours
  // to stop.
  if (await kafkaAnswers(address)) {
    log(`kafka: reusing the broker already answering on ${address}`);
    return { brokers: [address], stop: async () => {} };
  }

  const dataDir = resolve(opts.dataDir ?? join(KAFKA_INFRA_DIR, 'run', String(port)));
  const started = Date.now();
  const argv = await brokerCommand({
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    KAFKA_DATA_DIR: dataDir,
    KAFKA_VERSION: opts.version ?? defaultKafkaVersion(),
  });
  log(`kafka: jars and storage ready in ${Date.now() - started} ms; starting broker on ${address}`);

  const broker = spawnBroker(argv, dataDir);
  try {
    await waitUntilAnswering(address, broker, opts.startTimeoutMs ?? 90_000);
  } catch (err) {
    await broker.stop();
    throw err;
  }
  log(`kafka: broker up on ${address} after ${Date.now() - started} ms (log ${broker.logFile})`);
  return { brokers: [address], stop: broker.stop };
}

/** Runs infra/kafka/broker-cmd.sh (fetch jars, write server.properties, format) → java argv. */
async function brokerCommand(env: Record<string, string>): Promise<string[]> {
  try {
    const { stdout } = await execFileAsync('bash', [join(KAFKA_INFRA_DIR, 'broker-cmd.sh')], {
      env: { ...process.env, ...env },
      timeout: FETCH_TIMEOUT_MS,
      maxBuffer: 1 << 20,
    });
    const argv = stdout.split('\n').filter((line) => line.length > 0);
    if (argv.length === 0) throw new Error('broker-cmd.sh printed no command');
    return argv;
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new Error(`kafka: preparing the local broker failed: ${e.message}\n${e.stderr ?? ''}`);
  }
}

/**
 * bash wrapper around java: it records java's pid and, when its stdin (a pipe from this
 * process) closes, sends java SIGTERM. The pipe closes when we exit for any reason, even
 * SIGKILL, so no broker outlives its parent. Java's own stdin is /dev/null.
 */
const WRAPPER = `
pidfile=$1; shift
exec 3<&0
"$@" </dev/null & j=$!
echo "$j" >"$pidfile"
{ read -r _ || true; kill -TERM "$j" 2>/dev/null; } 0<&3 3<&- &
w=$!
exec 3<&-
wait "$j"; rc=$?
kill "$w" 2>/dev/null
rm -f "$pidfile"
exit $rc
`;

type SpawnedBroker = {
  child: ChildProcess;
  logFile: string;
  /** Set once the wrapper has exited (the broker is gone). */
  exited: () => boolean;
  stop(): Promise<void>;
};

function spawnBroker(argv: string[], dataDir: string): SpawnedBroker {
  mkdirSync(dataDir, { recursive: true });
  const logFile = join(dataDir, 'broker.log');
  const pidFile = join(dataDir, 'broker.pid');
  const logFd = openSync(logFile, 'w');
  // detached: its own process group, so a terminal's Ctrl-C reaches only us and we stop the
  // broker last, after the consumers have left their groups (the stdin pipe still ends it).
  const child = spawn('bash', ['-c', WRAPPER, 'kafka-broker', pidFile, ...argv], {
    stdio: ['pipe', logFd, logFd],
    detached: true,
  });
  closeSync(logFd); // the child holds its own copy

  // Belt and braces next to the stdin pipe: a synchronous SIGTERM to java on normal exit.
  const onParentExit = (): void => signalJava(pidFile, 'SIGTERM');
  process.on('exit', onParentExit);
  let exited = false;
  const exitedPromise = new Promise<void>((res) =>
    child.once('exit', () => {
      exited = true;
      process.off('exit', onParentExit);
      res();
    }),
  );

  const stop = async (): Promise<void> => {
    if (exited) return;
    child.stdin?.end(); // the wrapper turns EOF into SIGTERM: a controlled shutdown
    const timer = setTimeout(() => {
      signalJava(pidFile, 'SIGKILL');
      child.kill('SIGKILL');
    }, STOP_TIMEOUT_MS);
    await exitedPromise;
    clearTimeout(timer);
    rmSync(pidFile, { force: true });
  };
  return { child, logFile, exited: () => exited, stop };
}

function signalJava(pidFile: string, signal: NodeJS.Signals): void {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    if (pid > 0) process.kill(pid, signal);
  } catch {
    // no pid file or already gone: nothing to signal
  }
}

async function waitUntilAnswering(address: string, broker: SpawnedBroker, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (broker.exited()) throw startupError('exited during startup', broker.logFile);
    if (await kafkaAnswers(address)) return;
    if (Date.now() >= deadline) throw startupError(`did not answer within ${timeoutMs} ms`, broker.logFile);
    await new Promise((res) => setTimeout(res, 500));
  }
}

function startupError(what: string, logFile: string): Error {
  return new Error(`kafka: local broker ${what}; last lines of ${logFile}:\n${logTail(logFile)}`);
}

function logTail(file: string): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').split('\n').slice(-LOG_TAIL_LINES).join('\n');
}

/**
 * True if a Kafka broker answers a metadata request on `address`. A bare TCP probe first:
 * it fails in a millisecond when nothing listens, and keeps kafkajs from logging retries.
 */
export async function kafkaAnswers(address: string, timeoutMs = 3_000): Promise<boolean> {
  if (!(await tcpOpen(address, Math.min(timeoutMs, 1_000)))) return false;
  const kafka = new Kafka({
    clientId: 'local-broker-probe',
    brokers: [address],
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 1_000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

function tcpOpen(address: string, timeoutMs: number): Promise<boolean> {
  const [host = '127.0.0.1', port = '9092'] = address.split(':');
  return new Promise((res) => {
    const socket = connect({ host, port: Number(port) });
    const done = (ok: boolean): void => {
      socket.destroy();
      res(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
