import type { Translate } from '../../i18n/use-t';

// The audit filters take ISO date-times with an offset; the page's date-time inputs give local
// wall-clock times without one. These turn one into the other in the computer's own time zone.

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * A datetime-local value ("2025-03-30T14:05") as an ISO date-time with the local offset
 * ("2025-03-30T14:05:00.000+02:00"). `end` makes the minute inclusive: up to 14:05:59.999.
 * Undefined when the value is not a real date and time.
 */
export function localInputToIso(value: string, edge: 'start' | 'end'): string | undefined {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const hasSeconds = match[6] !== undefined;
  const seconds = hasSeconds ? Number(match[6]) : edge === 'end' ? 59 : 0;
  const millis = match[7] !== undefined ? Number(match[7].padEnd(3, '0')) : edge === 'end' ? 999 : 0;
  const date = new Date(year, month - 1, day, hour, minute, seconds, millis);
  // new Date() rolls 31 February over into March: refuse instead of searching the wrong day.
  if (Number.isNaN(date.getTime()) || date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return undefined;
  }
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  // The date's own fields, not the typed ones: a time skipped by a daylight-saving change moves forward.
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** A record's time to the second, in the page's language and the computer's time zone. */
export function formatAuditTime(t: Translate, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : t.intl.formatDate(date, { dateStyle: 'medium', timeStyle: 'medium' });
}
