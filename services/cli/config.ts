/**
 * Process configuration: one zod schema whose keys are the env var names, parsed once at start
 * and passed down (STYLE §14). Nothing else reads process.env.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_PARTITIONS } from '../engine/index.js';
import { DEFAULT_PORT } from '../gateway/gateway.js';

export const ConfigSchema = z.object({
  KAFKA_BROKERS: z.string().trim().min(1).optional(),
  KAFKA_CLIENT: z.enum(['kafkajs', 'rdkafka']).default('kafkajs'),
  /** The local broker (infra/kafka), used when KAFKA_BROKERS is unset and no container engine answers. */
  KAFKA_PORT: z.coerce.number().int().min(1).max(65535).default(9092),
  KAFKA_CONTROLLER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  KAFKA_VERSION: z.string().trim().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  HOST: z.string().default('0.0.0.0'),
  SUPERVISOR_DEV_TOKEN: z.string().min(16, 'SUPERVISOR_DEV_TOKEN must be at least 16 characters').optional(),
  /** A token Prometheus may scrape a worker running alone with (its /metrics; the dev token works too). */
  SUPERVISOR_METRICS_TOKEN: z.string().min(16, 'SUPERVISOR_METRICS_TOKEN must be at least 16 characters').optional(),
  SUPERVISOR_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(DEFAULT_PARTITIONS),
  SUPERVISOR_WORKER_GROUP: z.string().min(1).optional(),
  SUPERVISOR_GATEWAY_GROUP: z.string().min(1).optional(),
  SUPERVISOR_MAX_ROOMS: z.coerce.number().int().positive().optional(),
  /** How often the worker snapshots the rooms it changed and commits (ms; 0 = after every batch). */
  SUPERVISOR_CHECKPOINT_MS: z.coerce.number().int().min(0).max(600_000).optional(),
  /** How soon after its input stops the worker checkpoints (ms, default 100). */
  SUPERVISOR_CHECKPOINT_IDLE_MS: z.coerce.number().int().min(1).max(600_000).optional(),
  /**
   * How long the broker keeps a worker that sends no heartbeat (ms, default 30 s; the broker
   * allows 6 s to 30 min): how soon a dead worker's partitions move, and how long a stall may last.
   */
  SUPERVISOR_WORKER_SESSION_MS: z.coerce.number().int().min(6_000).max(1_800_000).optional(),
  /** Where the alert store and the archive of every ruleset version ever run live. */
  SUPERVISOR_DATA_DIR: z.string().min(1).default('data'),
  /** Rule and seed directories (default: the project's rules/ and seeds/). */
  SUPERVISOR_RULES_DIR: z.string().min(1).optional(),
  SUPERVISOR_SEEDS_DIR: z.string().min(1).optional(),
  /** Reload the rules when a file under rules/ or seeds/ changes (SIGHUP always reloads). */
  SUPERVISOR_WATCH_RULES: z.enum(['1', '0', 'true', 'false']).default('1').transform((v) => v === '1' || v === 'true'),
  /** IPs/CIDRs webhook targets may resolve to although private or loopback, e.g. 127.0.0.1. */
  SUPERVISOR_WEBHOOK_ALLOW: z.string().default(''),
  /** Webhook retry schedule: first backoff, cap, attempts, request timeout (defaults: about a day of retries). */
  SUPERVISOR_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().optional(),
  SUPERVISOR_WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().positive().optional(),
  SUPERVISOR_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().positive().optional(),
  SUPERVISOR_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  /** A WebSocket client whose unsent bytes pass this is cut (close 4008); default 4 MiB. */
  SUPERVISOR_WS_MAX_BUFFERED_BYTES: z.coerce.number().int().positive().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema> & {
  devTokenGenerated: boolean;
  devToken: string;
  webhookAllow: string[];
  webhookRetry: Partial<{ baseMs: number; maxMs: number; maxAttempts: number; timeoutMs: number }> | null;
};

/** A bad environment variable: the CLI prints the message alone and exits 2. */
export class ConfigError extends Error {}

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`configuration: ${z.prettifyError(parsed.error)}`);
  const devToken = parsed.data.SUPERVISOR_DEV_TOKEN ?? randomBytes(24).toString('base64url');
  const d = parsed.data;
  const retry = {
    ...(d.SUPERVISOR_WEBHOOK_RETRY_BASE_MS ? { baseMs: d.SUPERVISOR_WEBHOOK_RETRY_BASE_MS } : {}),
    ...(d.SUPERVISOR_WEBHOOK_RETRY_MAX_MS ? { maxMs: d.SUPERVISOR_WEBHOOK_RETRY_MAX_MS } : {}),
    ...(d.SUPERVISOR_WEBHOOK_MAX_ATTEMPTS ? { maxAttempts: d.SUPERVISOR_WEBHOOK_MAX_ATTEMPTS } : {}),
    ...(d.SUPERVISOR_WEBHOOK_TIMEOUT_MS ? { timeoutMs: d.SUPERVISOR_WEBHOOK_TIMEOUT_MS } : {}),
  };
  return Object.freeze({
    ...d,
    devToken,
    devTokenGenerated: d.SUPERVISOR_DEV_TOKEN === undefined,
    webhookAllow: d.SUPERVISOR_WEBHOOK_ALLOW.split(',').map((x) => x.trim()).filter(Boolean),
    webhookRetry: Object.keys(retry).length > 0 ? retry : null,
  });
}
