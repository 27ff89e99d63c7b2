/**
 * Webhook targets must not reach into our own network (SSRF): loopback, private, link-local,
 * CGNAT, unique-local and other special ranges are refused unless the address is allow-listed
 * (SUPERVISOR_WEBHOOK_ALLOW, comma-separated IPs or CIDRs; tests allow 127.0.0.1). The check
 * runs on the resolved address at subscription time and again on every connection (the lookup
 * hook in send.ts), so DNS rebinding does not get around it.
 */
import { BlockList, isIP } from 'node:net';

const DENIED_V4 = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const;
const DENIED_V6 = [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as const;

export type AddressGuard = { allowed(ip: string): boolean; describe(): string };

export function createAddressGuard(allow: readonly string[]): AddressGuard {
  const denied = new BlockList();
  for (const [net, bits] of DENIED_V4) denied.addSubnet(net, bits, 'ipv4');
  for (const [net, bits] of DENIED_V6) denied.addSubnet(net, bits, 'ipv6');
  const allowed = new BlockList();
  for (const entry of allow.map((s) => s.trim()).filter(Boolean)) {
    const [addr, bits] = entry.split('/');
    const family = isIP(addr ?? '');
    if (family === 0) throw new Error(`webhook allow-list: "${entry}" is not an IP address or CIDR`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) allowed.addAddress(addr!, type);
    else allowed.addSubnet(addr!, Number(bits), type);
  }
  return {
    allowed(ip) {
      // IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
      const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
      const addr = mapped ? mapped[1]! : ip;
      const family = isIP(addr);
      if (family === 0) return false;
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (allowed.check(addr, type)) return true;
      return !denied.check(addr, type);
    },
    describe: () => `allow-list: ${allow.join(',') || '(none)'}`,
  };
}
