/**
 * ISO 8601 instants and dates in the entidad's fixed offset (catalogue data; no daylight saving, so no time-zone
 * database): what the CDF export's GeneratedDate and election dates need.
 */
const p2 = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM:SS±HH:MM`, seconds truncated. */
export function fechaHoraIso(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const abs = Math.abs(offsetMinutes);
  const zona = `${offsetMinutes < 0 ? '-' : '+'}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
  return `${fechaIso(ms, offsetMinutes)}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}${zona}`;
}

/** `YYYY-MM-DD`: the local date of an instant. */
export function fechaIso(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}
