"use client";

import { useQuery } from "@tanstack/react-query";
import { tableDdlAction } from "@/app/(studio)/catalog/table-actions";
import { unwrap } from "@/components/action-client";
import { CodeBlock } from "@/components/connect/code-block";
import { catalogKeys } from "./keys";
import { keyOf } from "./paths";
import { Notice } from "./sample-tab";
import { identOf, type TableRef } from "./table-tabs";

/** The Spark SQL CREATE TABLE that would recreate this table, with a copy button. */
export function DdlTab({ target }: { target: TableRef }) {
  const ddl = useQuery({ queryKey: catalogKeys.tablePart(keyOf(target), "ddl"), queryFn: () => unwrap(tableDdlAction(identOf(target))) });
  if (ddl.isPending) return <div className="empty">Writing the statement…</div>;
  if (ddl.isError) return <div className="form-error" role="alert">{ddl.error.message}</div>;
  if ("unavailable" in ddl.data) return <Notice text={ddl.data.unavailable} />;
  return <CodeBlock title="Spark SQL" text={ddl.data.ddl} label="CREATE TABLE statement" />;
}
