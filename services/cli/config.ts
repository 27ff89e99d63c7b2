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
  SUPERVISOR_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(DEFAULT_PARTITIONS),
  SUPERVISOR_WORKER_GROUP: z.string().min(1).optional(),
  SUPERVISOR_GATEWAY_GROUP: z.string().min(1).optional(),
  SUPERVISOR_MAX_ROOMS: z.coerce.number().int().positive().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema> & { devTokenGenerated: boolean; devToken: string };

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) throw new Error(`configuration: ${z.prettifyError(parsed.error)}`);
  const devToken = parsed.data.SUPERVISOR_DEV_TOKEN ?? randomBytes(24).toString('base64url');
  return Object.freeze({ ...parsed.data, devToken, devTokenGenerated: parsed.data.SUPERVISOR_DEV_TOKEN === undefined });
}
