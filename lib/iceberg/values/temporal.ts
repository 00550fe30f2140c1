import { ValueError } from "./errors";

/**
 * Calendar arithmetic for date/time/timestamp values, on the proleptic Gregorian calendar
 * in UTC. Division always floors: −1 µs is 1969-12-31T23:59:59.999999, never 1970-01-01.
 */

export const MICROS_PER_SECOND = 1_000_000n;
export const NANOS_PER_SECOND = 1_000_000_000n;
export const SECONDS_PER_DAY = 86_400n;
export const MICROS_PER_HOUR = 3_600n * MICROS_PER_SECOND;
export const MICROS_PER_DAY = SECONDS_PER_DAY * MICROS_PER_SECOND;

export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

// Days between 0000-03-01 and 1970-01-01: the algorithm counts from a March-based year
// so that the leap day falls at the end of each year.
const DAYS_0000_03_01_TO_EPOCH = 719_468;
const DAYS_PER_ERA = 146_097; // 400 Gregorian years

export function civilFromDays(epochDays: number): CivilDate {
  const z = epochDays + DAYS_0000_03_01_TO_EPOCH;
  const era = Math.floor(z / DAYS_PER_ERA);
  const dayOfEra = z - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March … 11 = February
  const day = dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1;
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const marchMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * marchMonth + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - DAYS_0000_03_01_TO_EPOCH;
}

function daysInMonth(year: number, month: number): number {
  return (
    daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    daysFromCivil(year, month, 1)
  );
}

const pad = (n: number | bigint, width: number) => n.toString().padStart(width, "0");

/** ISO-8601 year: four digits, a sign beyond 0000–9999 (as java.time prints it). */
export function formatYear(year: number): string {
  if (year < 0) return `-${pad(-year, 4)}`;
  return year > 9999 ? `+${year}` : pad(year, 4);
}

export function formatDate(epochDays: number): string {
  const { year, month, day } = civilFromDays(epochDays);
  return `${formatYear(year)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const DATE_TEXT = /^([+-]?\d{4,})-(\d{2})-(\d{2})$/;

export function parseDate(text: string): number {
  const m = DATE_TEXT.exec(text);
  if (!m) throw new ValueError("invalid-encoding", `"${text}" is not an ISO date`, "date");
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ValueError("invalid-encoding", `"${text}" is not a valid date`, "date");
  }
  return daysFromCivil(year, month, day);
}

/**
 * "HH:MM:SS" plus a fraction of `digits` digits when the sub-second part is not zero.
 * `units` counts time within the day in 10^-digits seconds.
 */
export function formatTimeOfDay(units: bigint, digits: 6 | 9): string {
  const perSecond = 10n ** BigInt(digits);
  const seconds = units / perSecond;
  const fraction = units % perSecond;
  const hms = `${pad(seconds / 3600n, 2)}:${pad((seconds / 60n) % 60n, 2)}:${pad(seconds % 60n, 2)}`;
  return fraction === 0n ? hms : `${hms}.${pad(fraction, digits)}`;
}

const TIME_TEXT = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/** Parses "HH:MM[:SS[.fffffffff]]" into units of 10^-digits seconds since midnight. */
export function parseTimeOfDay(text: string, digits: 6 | 9, type = "time"): bigint {
  const m = TIME_TEXT.exec(text);
  if (!m) throw new ValueError("invalid-encoding", `"${text}" is not an ISO time`, type);
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || min > 59 || s > 59) {
    throw new ValueError("invalid-encoding", `"${text}" is not a valid time`, type);
  }
  const fraction = (m[4] ?? "").padEnd(9, "0");
  if (/[1-9]/.test(fraction.slice(digits))) {
    throw new ValueError("invalid-encoding", `"${text}" is more precise than ${type}`, type);
  }
  const perSecond = 10n ** BigInt(digits);
  return BigInt(h * 3600 + min * 60 + s) * perSecond + BigInt(fraction.slice(0, digits));
}

/** A timestamp in units of 10^-digits s since the epoch, as ISO text ("…+00:00" when `utc`). */
export function formatTimestamp(value: bigint, digits: 6 | 9, utc: boolean): string {
  const perDay = SECONDS_PER_DAY * 10n ** BigInt(digits);
  const days = floorDivBig(value, perDay);
  const text = `${formatDate(Number(days))}T${formatTimeOfDay(value - days * perDay, digits)}`;
  return utc ? `${text}+00:00` : text;
}

const TIMESTAMP_TEXT = /^([+-]?\d{4,}-\d{2}-\d{2})[T ]([0-9:.]+)(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO timestamp. `zone` says whether an offset must be present ("required",
 * for timestamptz), must be absent ("forbidden") or may be either ("optional"; an absent
 * one means UTC). Offsets other than +00:00 are converted to UTC.
 */
export function parseTimestamp(
  text: string,
  digits: 6 | 9,
  zone: "required" | "forbidden" | "optional",
  type: string,
): bigint {
  const m = TIMESTAMP_TEXT.exec(text.trim());
  if (!m) throw new ValueError("invalid-encoding", `"${text}" is not an ISO timestamp`, type);
  if (zone === "required" && !m[3]) {
    throw new ValueError("invalid-encoding", `"${text}" needs a zone offset (+00:00)`, type);
  }
  if (zone === "forbidden" && m[3]) {
    throw new ValueError("invalid-encoding", `"${text}" must not have a zone offset`, type);
  }
  const perSecond = 10n ** BigInt(digits);
  const days = BigInt(parseDate(m[1]));
  const timeOfDay = parseTimeOfDay(m[2], digits, type);
  return days * SECONDS_PER_DAY * perSecond + timeOfDay - offsetSeconds(m[3]) * perSecond;
}

function offsetSeconds(offset: string | undefined): bigint {
  if (!offset || offset === "Z") return 0n;
  const digits = offset.replace(":", "");
  const seconds = Number(digits.slice(1, 3)) * 3600 + Number(digits.slice(3, 5)) * 60;
  return BigInt(digits[0] === "-" ? -seconds : seconds);
}
