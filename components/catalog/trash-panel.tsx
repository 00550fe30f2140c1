"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { listTrashAction, restoreFromTrashAction } from "@/app/(studio)/catalog/trash-actions";
import { unwrap } from "@/components/action-client";
import { formatTime } from "./format";
import { catalogKeys } from "./keys";
import { keyOf } from "./paths";

type Item = Awaited<ReturnType<typeof loadTrash>>[number];
const loadTrash = () => unwrap(listTrashAction(undefined));

/** Dropped tables, views and namespaces, kept until their purge date; restore brings one back. */
export function TrashPanel({ canRestore }: { canRestore: boolean }) {
  const queryClient = useQueryClient();
  const trash = useQuery({ queryKey: catalogKeys.trash(), queryFn: loadTrash });
  const restore = useMutation({
    mutationFn: (item: Item) => unwrap(restoreFromTrashAction({ id: item.id })),
    onSuccess: async (restored) => {
      toast.success(`${labelOf(restored)} restored.`);
      const parent = restored.kind === "namespace" && restored.namespace.length === 1 ? { kind: "catalog" as const, catalog: restored.catalog } : { kind: "namespace" as const, catalog: restored.catalog, namespace: restored.kind === "namespace" ? restored.namespace.slice(0, -1) : restored.namespace };
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: catalogKeys.trash() }),
        queryClient.invalidateQueries({ queryKey: catalogKeys.children(keyOf(parent)) }),
        queryClient.invalidateQueries({ queryKey: catalogKeys.searchAll() }),
      ]);
    },
    onError: (error) => toast.error(error.message),
  });
  if (trash.isPending) return <div className="empty">Loading the trash…</div>;
  if (trash.isError) return <div className="form-error" role="alert">{trash.error.message}</div>;
  return (
    <div className="panel">
      {trash.data.length === 0 ? (
        <div className="empty">The trash is empty. Dropped tables, views and namespaces wait here until they are purged.</div>
      ) : (
        <table className="data" aria-label="Trash">
          <thead>
            <tr>
              <th>Object</th>
              <th>Dropped</th>
              <th>Purged after</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {trash.data.map((item) => (
              <tr key={item.id} data-trash={labelOf(item)}>
                <td>
                  <span className="badge">{item.kind}</span> <code>{labelOf(item)}</code>
                  {item.deletesFiles && <div className="muted">its files are deleted when purged</div>}
                </td>
                <td className="muted">{formatTime(new Date(item.deletedAt).getTime())}</td>
                <td className="muted">{formatTime(new Date(item.purgeAfter).getTime())}</td>
                <td style={{ textAlign: "right" }}>
                  {canRestore && (
                    <button type="button" onClick={() => restore.mutate(item)} disabled={restore.isPending} aria-label={`Restore ${labelOf(item)}`}>
                      Restore
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function labelOf(item: { catalog: string; namespace: string[]; name: string | null }): string {
  return [...item.catalog.split("/"), ...item.namespace, ...(item.name ? [item.name] : [])].join(".");
}
