"use client";

import { Notice } from "./sample-tab";
import type { TableRef } from "./table-tabs";

/** The CREATE TABLE that would recreate this table, with a copy button. */
export function DdlTab({ target }: { target: TableRef }) {
  return <Notice text={`The CREATE TABLE statement of ${target.name} is not available yet.`} />;
}
