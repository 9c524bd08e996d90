/**
 * The `--desde` of the report: an instant written as the institute writes it. `2024-06-02T20:00` (or with a
 * space, or only a date) is the entidad's local time; with `Z` or an offset (`-06:00`) it is that instant; digits
 * alone are epoch milliseconds. Pure.
 */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const CON_ZONA = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function leerDesde(texto: string, utcOffsetMinutes: number): number | { error: string } {
  const t = texto.trim();
  if (/^\d{10,}$/.test(t)) return Number(t);
  if (CON_ZONA.test(t)) {
    const ms = Date.parse(t.replace(' ', 'T'));
    if (Number.isFinite(ms)) return ms;
  }
  const m = LOCAL.exec(t);
  if (m) {
    const [a, mes, d, h, min, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    const ms = Date.UTC(a!, mes! - 1, d!, h!, min!, s!);
    const fecha = new Date(ms);
    // Date.UTC rolls 2024-02-31 over to March: such a date was not a date.
    if (fecha.getUTCMonth() === mes! - 1 && fecha.getUTCDate() === d && h! < 24 && min! < 60 && s! < 60) return ms - utcOffsetMinutes * 60_000;
  }
  return { error: `--desde no es una fecha y hora (AAAA-MM-DD[THH:MM], hora local de la entidad, o con zona: …Z, …-06:00): «${texto}»` };
}
