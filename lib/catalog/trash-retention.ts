/**
 * How long dropped objects stay in the trash: the catalog property
 * `trash.retention-days` (a whole number, 0 to 3650; default 7). Changing it applies to
 * objects dropped afterwards; each trashed object keeps the `purgeAfter` it got.
 */
import { AppError } from "@/lib/errors";
import { parseProperties } from "./properties";

export const TRASH_RETENTION_PROPERTY = "trash.retention-days";
export const DEFAULT_TRASH_RETENTION_DAYS = 7;
const MAX_RETENTION_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Refuses a retention that is not a whole number of days in range, saying what is allowed. */
export function checkRetentionProperty(properties: Record<string, string>): void {
  const text = properties[TRASH_RETENTION_PROPERTY];
  if (text === undefined) return;
  const days = Number(text);
  if (!/^\d+$/.test(text) || days > MAX_RETENTION_DAYS) {
    throw new AppError("bad_request", `${TRASH_RETENTION_PROPERTY} must be a whole number of days from 0 to ${MAX_RETENTION_DAYS}, not "${text}".`);
  }
}

export function retentionDays(catalogProperties: string): number {
  const text = parseProperties(catalogProperties)[TRASH_RETENTION_PROPERTY];
  const days = text === undefined ? Number.NaN : Number(text);
  return Number.isInteger(days) && days >= 0 ? days : DEFAULT_TRASH_RETENTION_DAYS;
}

/** The columns that put a row in the trash: its name is free again at once (`deletedKey`). */
export function trashColumns(rowId: string, catalogProperties: string, now = new Date()) {
  return { deletedAt: now, purgeAfter: new Date(now.getTime() + retentionDays(catalogProperties) * DAY_MS), deletedKey: rowId };
}
