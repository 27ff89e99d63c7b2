/** One pino root per process; each component takes a child once, at construction (STYLE §10). */
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export function createRootLogger(service: string, level: LevelWithSilent = 'info', pretty = process.stdout.isTTY): Logger {
  return pino({
    level,
    base: { service },
    redact: { paths: ['text', '*.text', 'headers.authorization', '*.token', 'token', '*.secret'], censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,service' } } } : {}),
  });
}
