import { describe, expect, it } from 'vitest';
import { createAddressGuard } from './address-guard.js';

describe('createAddressGuard', () => {
  const guard = createAddressGuard([]);
  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1'])(
    'refuses %s',
    (ip) => expect(guard.allowed(ip)).toBe(false),
  );
  it.each(['8.8.8.8', '1.1.1.1', '2606:4700::1111', '::ffff:8.8.8.8'])('allows public %s', (ip) => expect(guard.allowed(ip)).toBe(true));
  it('allows what the allow-list names, and only that', () => {
    const g = createAddressGuard(['127.0.0.1', '10.0.0.0/8']);
    expect(g.allowed('127.0.0.1')).toBe(true);
    expect(g.allowed('127.0.0.2')).toBe(false);
    expect(g.allowed('10.9.9.9')).toBe(true);
    expect(g.allowed('192.168.0.1')).toBe(false);
  });
  it('fails at construction on a bad entry', () => expect(() => createAddressGuard(['localhost'])).toThrow(/not an IP/));
  it('refuses what is not an IP', () => expect(guard.allowed('example.com')).toBe(false));
});
