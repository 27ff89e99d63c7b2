/**
 * The `supervisor` command line. Each subcommand lives in its own file; this one parses the
 * arguments and dispatches. Returns the process exit code.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { INPUT_TOPICS, RuleFileSchema, type Ruleset } from '../engine/index.js';
import { runAllExamples } from '../engine/ruleset/examples.js';
import { createKafkaPort } from '../shared/kafka/create-port.js';
import { parseBrokerList } from '../shared/kafka/resolve-broker.js';
import { createRootLogger } from '../shared/log.js';
import { loadRulesFromDisk } from '../shared/rules-fs.js';
import { createRulesetManager, listArchivedRulesets, loadArchivedRuleset, type RulesetManager } from '../shared/ruleset-manager.js';
import { ensureTopics } from '../shared/topics.js';
import { admin, ADMIN_USAGE } from './admin.js';
import { ConfigError, parseConfig } from './config.js';
import { feed } from './feed.js';
import { MAX_THREADS, scanFile, type ScanStats } from './scan.js';
import { ROLES, start, type Role } from './start.js';

const USAGE = `supervisor — live-room supervisor (直播间数字监管员)

usage:
  supervisor start [--roles worker,gateway] [--demo] [--demo-speed N]
                                                      run the service (npm start = all roles + demo feed)
  supervisor scan --input FILE.jsonl [--updates] [--ruleset VERSION] [--threads N]
                                                      run the engine offline (optionally under an archived
                                                      ruleset version); alerts as JSON Lines on stdout;
                                                      a file over 4 MiB is scanned on every core
                                                      (--threads N: this thread and N − 1 worker threads)
  supervisor feed FILE... [--speed N|max] [--loop]    produce JSON Lines sessions to the live.* topics
  supervisor topics ensure                            create the topics (KAFKA_BROKERS required)
  supervisor rules check | test | schema | versions   validate rules, run their examples, print the schema,
                                                      list the archived versions that have run
${ADMIN_USAGE}
environment: KAFKA_BROKERS, KAFKA_CLIENT (kafkajs|rdkafka), PORT (8080), HOST, SUPERVISOR_DEV_TOKEN,
             SUPERVISOR_PARTITIONS (6), SUPERVISOR_DATA_DIR (data), SUPERVISOR_WEBHOOK_ALLOW, LOG_LEVEL,
             SUPERVISOR_RULES_DIR (rules), SUPERVISOR_SEEDS_DIR (seeds)
`;

/** The rules the service would run: SUPERVISOR_RULES_DIR / SUPERVISOR_SEEDS_DIR, else the project's. */
function loadOrReport(): ReturnType<typeof loadRulesFromDisk> {
  const config = parseConfig(process.env);
  const loaded = loadRulesFromDisk(config.SUPERVISOR_RULES_DIR, config.SUPERVISOR_SEEDS_DIR);
  if (!loaded.ok) for (const p of loaded.problems) process.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
  return loaded;
}

function brokersOrFail(config: ReturnType<typeof parseConfig>): string[] {
  const brokers = parseBrokerList(config.KAFKA_BROKERS);
  if (!brokers) throw new Error('KAFKA_BROKERS is not set (e.g. KAFKA_BROKERS=127.0.0.1:9092)');
  return brokers;
}

async function rules(sub: string | undefined): Promise<number> {
  if (sub === 'schema') {
    process.stdout.write(`${JSON.stringify(z.toJSONSchema(RuleFileSchema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`);
    return 0;
  }
  if (sub === 'versions') {
    const versions = listArchivedRulesets(parseConfig(process.env).SUPERVISOR_DATA_DIR);
    for (const v of versions) process.stdout.write(`${v.version}  first run ${v.firstRunAt}  ${v.rules} rules\n`);
    if (versions.length === 0) process.stderr.write('rules: no ruleset has run yet (the archive is written by supervisor start)\n');
    return 0;
  }
  const loaded = loadOrReport();
  if (!loaded.ok) {
    process.stderr.write(`rules: ${loaded.problems.length} problem(s); ruleset rejected\n`);
    return 1;
  }
  const { ruleset } = loaded;
  if (sub === 'check') {
    process.stdout.write(`rules: ${ruleset.rules.length} rules OK, ruleset ${ruleset.version}\n`);
    return 0;
  }
  if (sub === 'test') {
    const outcomes = runAllExamples(ruleset);
    for (const o of outcomes) process.stdout.write(`${o.passed ? 'ok  ' : 'FAIL'} ${o.rule} — ${o.example}: ${o.detail}\n`);
    const failed = outcomes.filter((o) => !o.passed).length;
    process.stdout.write(`${outcomes.length - failed} passed, ${failed} failed\n`);
    return failed === 0 ? 0 : 1;
  }
  process.stderr.write('usage: supervisor rules check|test|schema|versions\n');
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    // A mistyped command line gets its reason and the usage, never a stack trace.
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      process.stderr.write(`supervisor: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`supervisor: ${err.message}\n`);
    return 2;
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scan': {
      const { values } = parseArgs({
        args: rest,
        options: { input: { type: 'string', short: 'i' }, updates: { type: 'boolean', default: false }, ruleset: { type: 'string' }, threads: { type: 'string' } },
      });
      if (!values.input) {
        process.stderr.write('scan: --input FILE.jsonl is required\n');
        return 2;
      }
      let threads: number | undefined;
      if (values.threads !== undefined) {
        threads = Number(values.threads);
        if (!/^\d+$/.test(values.threads) || threads < 1 || threads > MAX_THREADS) {
          process.stderr.write(`scan: --threads must be an integer from 1 to ${MAX_THREADS}, got "${values.threads}"\n`);
          return 2;
        }
      }
      let ruleset: Ruleset;
      if (values.ruleset !== undefined) {
        try {
          ruleset = loadArchivedRuleset(parseConfig(process.env).SUPERVISOR_DATA_DIR, values.ruleset);
        } catch (err) {
          process.stderr.write(`scan: ${(err as Error).message}\n`);
          return 1;
        }
      } else {
        const loaded = loadOrReport();
        if (!loaded.ok) return 1;
        ruleset = loaded.ruleset;
      }
      let stats: ScanStats;
      try {
        stats = await scanFile(values.input, ruleset, { updates: values.updates, out: process.stdout, err: process.stderr, ...(threads !== undefined ? { threads } : {}) });
      } catch (err) {
        process.stderr.write(`scan: ${(err as Error).message}\n`);
        return 1;
      }
      process.stderr.write(
        `scan: ${stats.lines} lines, ${stats.events} events, ${stats.bad} bad, ${stats.alerts} alerts (${stats.updates} repeats folded), ruleset ${ruleset.version}\n`,
      );
      return 0;
    }
    case 'rules':
      return rules(rest[0]);
    case 'tokens':
    case 'webhooks':
    case 'audit':
      return admin(command, rest, parseConfig(process.env));
    case 'topics': {
      if (rest[0] !== 'ensure') {
        process.stderr.write('usage: supervisor topics ensure\n');
        return 2;
      }
      const config = parseConfig(process.env);
      const kafka = await createKafkaPort(config.KAFKA_CLIENT, brokersOrFail(config));
      const admin = await kafka.admin();
      try {
        const r = await ensureTopics(admin, config.SUPERVISOR_PARTITIONS);
        process.stdout.write(`created: ${r.created.join(', ') || '-'}\nexisting: ${r.existing.join(', ') || '-'}\n`);
      } finally {
        await admin.close();
      }
      return 0;
    }
    case 'feed': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { speed: { type: 'string', default: '1' }, loop: { type: 'boolean', default: false } },
      });
      const speed = values.speed === 'max' ? 'max' : Number(values.speed);
      if (positionals.length === 0 || (speed !== 'max' && !(speed > 0))) {
        process.stderr.write('usage: supervisor feed FILE... [--speed N|max] [--loop]\n');
        return 2;
      }
      const config = parseConfig(process.env);
      const kafka = await createKafkaPort(config.KAFKA_CLIENT, brokersOrFail(config));
      const producer = await kafka.producer();
      const ac = new AbortController();
      process.once('SIGINT', () => ac.abort());
      try {
        const n = await feed(positionals, producer, { speed, loop: values.loop, signal: ac.signal });
        process.stderr.write(`feed: ${n} events produced (${INPUT_TOPICS.join(', ')})\n`);
      } finally {
        await producer.close();
      }
      return 0;
    }
    case 'start': {
      const { values } = parseArgs({
        args: rest,
        options: { roles: { type: 'string', default: ROLES.join(',') }, demo: { type: 'boolean', default: false }, 'demo-speed': { type: 'string', default: '5' } },
      });
      const roles = values.roles.split(',').map((r) => r.trim()).filter(Boolean);
      const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (unknown.length > 0) {
        process.stderr.write(`start: unknown role(s) ${unknown.join(', ')}; known: ${ROLES.join(', ')}\n`);
        return 2;
      }
      const config = parseConfig(process.env);
      const log = createRootLogger('supervisor', config.LOG_LEVEL);
      let manager: RulesetManager;
      try {
        manager = createRulesetManager({
          log,
          dataDir: config.SUPERVISOR_DATA_DIR,
          ...(config.SUPERVISOR_RULES_DIR ? { rulesDir: config.SUPERVISOR_RULES_DIR } : {}),
          ...(config.SUPERVISOR_SEEDS_DIR ? { seedsDir: config.SUPERVISOR_SEEDS_DIR } : {}),
        });
      } catch (err) {
        log.error((err as Error).message);
        return 1;
      }
      log.info({ rules: manager.current().rules.length, ruleset: manager.current().version }, 'ruleset loaded');
      process.on('SIGHUP', () => manager.reload('SIGHUP'));
      const unwatch = config.SUPERVISOR_WATCH_RULES ? manager.watch() : () => {};
      const ac = new AbortController();
      const onSignal = (sig: string) => {
        if (ac.signal.aborted) {
          log.warn('second signal: exiting now');
          process.exit(130);
        }
        log.info({ signal: sig }, 'stopping');
        ac.abort();
      };
      process.on('SIGINT', () => onSignal('SIGINT'));
      process.on('SIGTERM', () => onSignal('SIGTERM'));
      await start(config, { roles: roles as Role[], demo: values.demo, demoSpeed: Number(values['demo-speed']) || 5, ruleset: manager.current }, log, ac.signal);
      unwatch();
      log.info('stopped');
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}
