"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { tableSchemaAction } from "@/app/(studio)/catalog/table-actions";
import { setColumnCommentAction } from "@/app/(studio)/catalog/table-edit-actions";
import { columnTagsAction } from "@/app/(studio)/catalog/tag-actions";
import { unwrap } from "@/components/action-client";
import { DescriptionEditor } from "./description-editor";
import { catalogKeys } from "./keys";
import { keyOf } from "./paths";
import { SchemaHistory } from "./schema-history";
import { identOf, type TableRef } from "./table-tabs";
import type { ColumnRow, TableAbilities } from "./table-types";
import { TagList } from "./tag-editor";

/** Columns (nested ones indented under their parent), and the schema's history with a diff. */
export function SchemaTab({ target, can }: { target: TableRef; can: TableAbilities }) {
  const queryClient = useQueryClient();
  const tableKey = keyOf(target);
  const schema = useQuery({ queryKey: catalogKeys.tablePart(tableKey, "schema"), queryFn: () => unwrap(tableSchemaAction(identOf(target))) });
  // Federated tables have no catalog rows, so no tags: their query fails and the column stays out.
  const tags = useQuery({ queryKey: catalogKeys.columnTags(tableKey), queryFn: () => unwrap(columnTagsAction(identOf(target))), retry: false });
  if (schema.isPending) return <div className="empty">Loading the schema…</div>;
  if (schema.isError) return <div className="form-error" role="alert">{schema.error.message}</div>;
  const saveComment = (column: ColumnRow) => async (comment: string) => {
    await unwrap(setColumnCommentAction({ ...identOf(target), column: column.path, comment }));
    // A schema change is a commit: the schema, its history and the overview all moved.
    await queryClient.invalidateQueries({ queryKey: catalogKeys.table(tableKey) });
  };
  return (
    <div className="stack">
      <div className="panel scroll-x">
        <table className="data compact" aria-label="Columns">
          <thead>
            <tr>
              <th>Column</th>
              <th>Type</th>
              <th>Required</th>
              <th className="num">Field id</th>
              <th>Comment</th>
              {tags.isSuccess && <th>Tags</th>}
            </tr>
          </thead>
          <tbody>
            {schema.data.columns.map((column) => (
              <tr key={column.id} data-column={column.path}>
                <td>
                  <span className="indent" style={{ width: column.depth * 16 }} aria-hidden />
                  {column.depth > 0 && <span className="muted" aria-hidden>↳ </span>}
                  <code>{column.name}</code>
                  {column.identifier && <span className="badge accent" style={{ marginLeft: 6 }}>identifier</span>}
                </td>
                <td>
                  <code>{column.type}</code>
                </td>
                <td>{column.required ? "required" : <span className="muted">optional</span>}</td>
                <td className="num muted">{column.id}</td>
                <td>
                  {column.commentable ? (
                    <DescriptionEditor value={column.doc} label={`Comment of ${column.path}`} save={can.alter ? saveComment(column) : undefined} />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                {tags.isSuccess && (
                  <td>
                    <TagList
                      target={{ kind: "column", ...identOf(target), ...(column.id !== null ? { fieldId: column.id } : { column: column.path }) }}
                      tags={tags.data.filter((t) => (column.id !== null ? t.fieldId === column.id : t.column === column.path))}
                      canEdit={can.tag}
                      label={`Tags of ${column.path}`}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* A new version (after a schema change) starts the comparison afresh: previous → current. */}
      <SchemaHistory key={schema.data.versions.map((v) => v.schemaId).join(",")} target={target} versions={schema.data.versions} />
    </div>
  );
}
