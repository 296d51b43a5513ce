/** CIDR matching for cidrmatch(), `field=10.0.0.0/8` in search, and CIDR lookups. */
import ipaddr from 'ipaddr.js';

export type CidrTest = (ip: string) => boolean;

const CIDR_SHAPE = /^[0-9A-Fa-f:.]+\/\d{1,3}$/;

export function looksLikeCidr(s: string): boolean {
  return CIDR_SHAPE.test(s) && (s.includes('.') || s.includes(':'));
}

/** A test for one CIDR range; undefined when `cidr` is not valid CIDR notation. */
export function cidrTest(cidr: string): CidrTest | undefined {
  let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    range = ipaddr.parseCIDR(cidr.trim());
  } catch {
    return undefined;
  }
  const [net, bits] = range;
  return (ip: string) => {
    let addr: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      addr = ipaddr.parse(ip.trim());
    } catch {
      return false;
    }
    if (addr.kind() === 'ipv6' && net.kind() === 'ipv4' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
    if (addr.kind() !== net.kind()) return false;
    return addr.match(net, bits);
  };
}

/** A single address as a CIDR of its full length (CIDR lookups may hold plain addresses). */
export function cidrOrAddressTest(spec: string): CidrTest | undefined {
  if (spec.includes('/')) return cidrTest(spec);
  if (!ipaddr.isValid(spec.trim())) return undefined;
  const addr = ipaddr.parse(spec.trim());
  return cidrTest(`${spec.trim()}/${addr.kind() === 'ipv4' ? 32 : 128}`);
}
