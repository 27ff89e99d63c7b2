import { describe, expect, it } from 'vitest';
import { parseBrokerList, resolveBrokers } from './resolve-broker.js';

describe('parseBrokerList', () => {
  it('splits, trims and drops empty entries', () => {
    expect(parseBrokerList(' a:1, b:2 ,,')).toEqual(['a:1', 'b:2']);
  });

  it('treats unset, empty and comma-only values as not set', () => {
    expect(parseBrokerList(undefined)).toBeUndefined();
    expect(parseBrokerList('')).toBeUndefined();
    expect(parseBrokerList(' , ')).toBeUndefined();
  });
});

describe('resolveBrokers', () => {
  it('uses KAFKA_BROKERS from the given env without starting anything', async () => {
    const logs: string[] = [];
    const target = await resolveBrokers({
      env: { KAFKA_BROKERS: 'k1:9092,k2:9092' },
      log: (msg) => logs.push(msg),
    });
    expect(target.source).toBe('env');
    expect(target.brokers).toEqual(['k1:9092', 'k2:9092']);
    await expect(target.stop()).resolves.toBeUndefined();
    expect(logs.join('\n')).toContain('KAFKA_BROKERS');
  });

  it('reads the given env, not process.env', async () => {
    const saved = process.env.KAFKA_BROKERS;
    process.env.KAFKA_BROKERS = 'from-process:1';
    try {
      const target = await resolveBrokers({ env: { KAFKA_BROKERS: 'from-param:2' } });
      expect(target.brokers).toEqual(['from-param:2']);
    } finally {
      if (saved === undefined) delete process.env.KAFKA_BROKERS;
      else process.env.KAFKA_BROKERS = saved;
    }
  });
});
