import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';
import { main } from './main.js';

describe('configuration errors', () => {
  it('parseConfig names the variable and the rule it breaks', () => {
    expect(() => parseConfig({ SUPERVISOR_DEV_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => parseConfig({ SUPERVISOR_DEV_TOKEN: 'short' })).toThrow(/SUPERVISOR_DEV_TOKEN must be at least 16 characters/);
    expect(() => parseConfig({ SUPERVISOR_METRICS_TOKEN: 'short' })).toThrow(/SUPERVISOR_METRICS_TOKEN must be at least 16 characters/);
    expect(parseConfig({ SUPERVISOR_METRICS_TOKEN: 'scrape-token-0123456789' }).SUPERVISOR_METRICS_TOKEN).toBe('scrape-token-0123456789');
  });

  it('the CLI prints the message alone and exits 2 instead of crashing with a stack', async () => {
    const saved = process.env.SUPERVISOR_DEV_TOKEN;
    const write = process.stderr.write.bind(process.stderr);
    let err = '';
    process.env.SUPERVISOR_DEV_TOKEN = 'short';
    process.stderr.write = ((chunk: string | Uint8Array) => ((err += String(chunk)), true)) as typeof process.stderr.write;
    try {
      expect(await main(['rules', 'versions'])).toBe(2);
    } finally {
      process.stderr.write = write;
      if (saved === undefined) delete process.env.SUPERVISOR_DEV_TOKEN;
      else process.env.SUPERVISOR_DEV_TOKEN = saved;
    }
    expect(err).toMatch(/^supervisor: configuration: .*SUPERVISOR_DEV_TOKEN/s);
    expect(err).not.toMatch(/at parseConfig/);
  });
});
