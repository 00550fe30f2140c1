"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { createNotebookAction, deleteNotebookAction, duplicateNotebookAction, listNotebooksAction } from "@/app/(studio)/notebooks/actions";
import { unwrap } from "@/components/action-client";
import { PageHeader } from "@/components/shell/page-header";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ImportButton } from "./import-button";
import { notebookKeys } from "./keys";
import { RenameDialog } from "./rename-dialog";
import type { NotebookSummary } from "./types";

const ACCESS_LABEL = { owner: "owner", edit: "can edit", view: "view only" } as const;

/** Own notebooks and those shared with me, newest change first; create, import, rename, copy, delete. */
export function NotebookList({ initial }: { initial: NotebookSummary[] }) {
  const router = useRouter();
  const client = useQueryClient();
  const [filter, setFilter] = useState("");
  const [renaming, setRenaming] = useState<NotebookSummary | null>(null);
  const [deleting, setDeleting] = useState<NotebookSummary | null>(null);
  const list = useQuery({ queryKey: notebookKeys.list(), queryFn: () => unwrap(listNotebooksAction({})), initialData: initial });
  const create = useMutation({
    mutationFn: () => unwrap(createNotebookAction({})),
    onSuccess: ({ id }) => router.push(`/notebooks/${id}`),
  });
  const duplicate = useMutation({
    mutationFn: (id: string) => unwrap(duplicateNotebookAction({ id })),
    onSuccess: ({ id }) => router.push(`/notebooks/${id}`),
    onError: (error) => toast.error(error.message),
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(deleteNotebookAction({ id })),
    onSuccess: async () => {
      toast.success(`Notebook “${deleting?.title}” deleted.`);
      setDeleting(null);
      await client.invalidateQueries({ queryKey: notebookKeys.list() });
    },
  });
  const words = filter.trim().toLowerCase();
  const shown = list.data.filter((n) => !words || n.title.toLowerCase().includes(words) || n.owner.username.includes(words));

  return (
    <div className="stack">
      <PageHeader
        title="Notebooks"
        summary="SQL and Markdown cells over the catalog: run, chart, export, share."
        actions={
          <>
            <ImportButton />
            <button type="button" className="primary" disabled={create.isPending} onClick={() => create.mutate()}>
              New notebook
            </button>
          </>
        }
      />
      {create.error && (
        <div className="form-error" role="alert">
          {create.error.message}
        </div>
      )}
      <input type="search" aria-label="Filter notebooks" placeholder="Filter by title or owner" value={filter} onChange={(e) => setFilter(e.target.value)} style={{ maxWidth: 360 }} />
      <div className="panel scroll-x">
        {shown.length === 0 ? (
          <p className="empty">{list.data.length === 0 ? "No notebooks yet. Create one, or import a .sql or .ipynb file." : "No notebook matches."}</p>
        ) : (
          <table className="data" aria-label="Notebooks">
            <thead>
              <tr>
                <th>Title</th>
                <th>Owner</th>
                <th>Access</th>
                <th className="num">Cells</th>
                <th>Changed</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((n) => (
                <tr key={n.id} data-notebook={n.title}>
                  <td>
                    <Link href={`/notebooks/${n.id}`}>{n.title}</Link>
                  </td>
                  <td>{n.owner.displayName || n.owner.username}</td>
                  <td>
                    <span className={n.access === "view" ? "badge" : "badge accent"}>{ACCESS_LABEL[n.access]}</span>
                  </td>
                  <td className="num">{n.cellCount}</td>
                  <td>{new Date(n.updatedAt).toLocaleString()}</td>
                  <td>
                    <div className="row" style={{ justifyContent: "flex-end" }}>
                      {n.access !== "view" && (
                        <button type="button" onClick={() => setRenaming(n)} aria-label={`Rename ${n.title}`}>
                          Rename
                        </button>
                      )}
                      <button type="button" onClick={() => duplicate.mutate(n.id)} aria-label={`Duplicate ${n.title}`}>
                        Duplicate
                      </button>
                      {n.access === "owner" && (
                        <button type="button" className="danger" onClick={() => setDeleting(n)} aria-label={`Delete ${n.title}`}>
                          Delete
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {renaming && <RenameDialog notebook={renaming} onClose={() => setRenaming(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete notebook"
        confirmLabel="Delete notebook"
        danger
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        <p style={{ margin: 0 }}>
          Delete <strong>{deleting?.title}</strong> with all its cells? People it is shared with lose it too.
        </p>
      </ConfirmDialog>
    </div>
  );
}
