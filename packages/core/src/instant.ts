/** An ISO 8601 date-time with seconds and an explicit offset, as cursors carry it. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** The range both JavaScript's ISO format and PostgreSQL's timestamptz input agree on. */
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * `value` as a normalised UTC timestamp (`toISOString()`, millisecond
 * precision), or null unless it names a real instant: a date that exists, a
 * time of day within 00:00:00–23:59:59, an offset within ±15:59 (PostgreSQL's
 * limit), and a year within 1–9999 before and after conversion to UTC.
 */
export function toInstant(value: string): string | null {
  const match = ISO_INSTANT.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, sign, offsetHours, offsetMinutes] = match;
  if (Number(year) < 1 || Number(offsetHours ?? 0) > 15 || Number(offsetMinutes ?? 0) > 59) {
    return null;
  }
  const time = Date.parse(value);
  if (Number.isNaN(time) || time < EARLIEST || time > LATEST) return null;
  // JavaScript rolls 2021-02-31 over to March; reading the fields back catches it.
  const offset =
    (sign === '-' ? -1 : 1) * (Number(offsetHours ?? 0) * 60 + Number(offsetMinutes ?? 0));
  const local = new Date(time + offset * 60_000).toISOString().slice(0, 19);
  if (local !== `${year}-${month}-${day}T${hour}:${minute}:${second}`) return null;
  return new Date(time).toISOString();
}
