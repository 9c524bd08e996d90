/**
 * The client address a refusal is counted and recorded under. The platform sets CF-Connecting-IP on every request
 * from the Internet (a client cannot choose it there); locally (wrangler dev, miniflare) a header the client sent
 * is kept as given, so there it is only as trustworthy as the client. Only a syntactically valid IPv4 or IPv6
 * address is recorded: anything else is "no válida" and shares one counter. An IPv6 address is counted by its
 * /64, the block one subscriber line or host gets (counting single addresses would let one host rotate through
 * 2^64 of them).
 */

const OCTETO = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTETO}(\\.${OCTETO}){3}$`);
const GRUPO = /^[0-9a-f]{1,4}$/;

export interface Direccion {
  /** What the address limiters and the aggregate count use: the IPv4 address, an IPv6 /64, or "no-valida" / "sin-direccion". */
  clave: string;
  /** What the audit log records: the valid address as received (lower case), else null. */
  registrada: string | null;
}

/** The eight 16-bit groups of an IPv6 address, or null if it is not one (zone ids are refused). */
export function gruposIpv6(texto: string): number[] | null {
  if (texto.length > 45 || !texto.includes(':')) return null;
  let t = texto.toLowerCase();
  const conIpv4 = /^(.*:)([^:]+\.[^:]+)$/.exec(t);
  if (conIpv4) {
    if (!IPV4.test(conIpv4[2]!)) return null;
    const [a, b, c, d] = conIpv4[2]!.split('.').map(Number) as [number, number, number, number];
    t = `${conIpv4[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const mitades = t.split('::');
  if (mitades.length > 2) return null;
  const partir = (p: string) => (p === '' ? [] : p.split(':'));
  const izquierda = partir(mitades[0]!);
  const derecha = mitades.length === 2 ? partir(mitades[1]!) : [];
  const todos = [...izquierda, ...derecha];
  if (!todos.every((g) => GRUPO.test(g))) return null;
  if (mitades.length === 1 ? todos.length !== 8 : todos.length > 7) return null;
  const relleno: string[] = mitades.length === 2 ? Array<string>(8 - todos.length).fill('0') : [];
  return [...izquierda, ...relleno, ...derecha].map((g) => Number.parseInt(g, 16));
}

/** The address of a CF-Connecting-IP value (undefined: the header is absent, as in the tests' direct calls). */
export function direccionDe(encabezado: string | undefined): Direccion {
  if (encabezado === undefined) return { clave: 'sin-direccion', registrada: null };
  const texto = encabezado.trim();
  if (IPV4.test(texto)) return { clave: texto, registrada: texto };
  const g = gruposIpv6(texto);
  if (g === null) return { clave: 'no-valida', registrada: null };
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is that IPv4 address.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    const v4 = [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255].join('.');
    return { clave: v4, registrada: texto.toLowerCase() };
  }
  return { clave: `${g.slice(0, 4).map((x) => x.toString(16)).join(':')}::/64`, registrada: texto.toLowerCase() };
}
