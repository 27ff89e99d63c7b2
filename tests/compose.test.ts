/**
 * docker-compose.yml is for users with a container engine; none runs here, so the file is
 * validated with Debian's docker-compose (v1) `config -q`, which needs no engine.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';


describe('docker-compose.yml', () => {
  // docker-compose v1 is a Python program: its start-up alone took over 5 s on a busy CI machine.
  it('is valid for docker-compose config -q', { timeout: 60_000 }, () => {
    expect(() => execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], { stdio: 'pipe' })).not.toThrow();
  });

  it('runs Kafka and the supervisor against it, with the broker version infra/kafka uses', () => {
    const compose = parse(readFileSync('docker-compose.yml', 'utf8'));
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['kafka', 'supervisor']));
    expect(compose.services.supervisor.environment.KAFKA_BROKERS).toBe('kafka:9092');
    const pom = readFileSync('infra/kafka/pom.xml', 'utf8');
    const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
    expect(compose.services.kafka.image).toBe(`apache/kafka:${version}`);
  });
});
