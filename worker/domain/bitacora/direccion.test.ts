import { describe, expect, it } from 'vitest';
import { direccionDe, gruposIpv6 } from './direccion.ts';

describe('client address', () => {
  it('a valid IPv4 address is its own key and is recorded', () => {
    expect(direccionDe('203.0.113.7')).toEqual({ clave: '203.0.113.7', registrada: '203.0.113.7' });
  });

  it('IPv6 is counted by its /64, recorded whole', () => {
    expect(direccionDe('2001:DB8:1:2:aaaa::1')).toEqual({ clave: '2001:db8:1:2::/64', registrada: '2001:db8:1:2:aaaa::1' });
    expect(direccionDe('2001:db8:1:2:ffff:ffff:ffff:ffff').clave).toBe('2001:db8:1:2::/64');
    expect(direccionDe('::1').clave).toBe('0:0:0:0::/64');
  });

  it('an IPv4-mapped IPv6 address is the IPv4 address', () => {
    expect(direccionDe('::ffff:198.51.100.4').clave).toBe('198.51.100.4');
  });

  it('anything else is not recorded and shares one key; absent is its own', () => {
    for (const x of ['', 'localhost', '1.2.3.256', '1.2.3', '01.2.3.4', '1::2::3', 'fe80::1%eth0', 'x'.repeat(60_000), '<script>', '1:2:3:4:5:6:7:8:9']) {
      expect(direccionDe(x), x.slice(0, 20)).toEqual({ clave: 'no-valida', registrada: null });
    }
    expect(direccionDe(undefined)).toEqual({ clave: 'sin-direccion', registrada: null });
  });

  it('IPv6 groups, with :: and an IPv4 tail', () => {
    expect(gruposIpv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(gruposIpv6('1::8')).toEqual([1, 0, 0, 0, 0, 0, 0, 8]);
    expect(gruposIpv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(gruposIpv6('64:ff9b::192.0.2.33')).toEqual([0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x221]);
    expect(gruposIpv6('1:2:3:4:5:6:7')).toBeNull();
  });
});
