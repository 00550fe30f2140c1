"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { deleteNotebookAction, duplicateNotebookAction, exportNotebookAction } from "@/app/(studio)/notebooks/actions";
import { unwrap } from "@/components/action-client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RenameDialog } from "./rename-dialog";
import { saveFile } from "./save-file";
import { ShareDialog } from "./share-dialog";
import type { NotebookSummary } from "./types";

const ACCESS_NOTE = { owner: null, edit: "Shared with you: you can edit", view: "Shared with you: view only" } as const;

/** The notebook's title and what can be done to it as a whole: rename, share, export, duplicate, delete. */
export function NotebookHeader({ notebook, title, onRenamed, beforeLeave, children }: { notebook: Pick<NotebookSummary, "id" | "access" | "owner">; title: string; onRenamed: (title: string) => void; beforeLeave: () => Promise<void>; children?: ReactNode }) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"rename" | "share" | "delete" | null>(null);
  const duplicate = useMutation({
    mutationFn: async () => {
      await beforeLeave();
      return unwrap(duplicateNotebookAction({ id: notebook.id }));
    },
    onSuccess: ({ id }) => router.push(`/notebooks/${id}`),
    onError: (error) => toast.error(error.message),
  });
  const remove = useMutation({
    mutationFn: () => unwrap(deleteNotebookAction({ id: notebook.id })),
    onSuccess: () => {
      toast.success(`Notebook “${title}” deleted.`);
      router.push("/notebooks");
    },
  });
  const exportFile = useMutation({
    mutationFn: async (format: "sql" | "ipynb") => {
      await beforeLeave();
      return unwrap(exportNotebookAction({ id: notebook.id, format }));
    },
    onSuccess: (file) => saveFile(new Blob([file.text], { type: file.contentType }), file.filename),
    onError: (error) => toast.error(error.message),
  });
  const canEdit = notebook.access !== "view";
  return (
    <div className="notebook-head">
      <div className="notebook-title">
        <span className="muted" style={{ fontSize: 13 }}>
          <Link href="/notebooks">Notebooks</Link>
          {ACCESS_NOTE[notebook.access] ? ` · ${ACCESS_NOTE[notebook.access]} (owner ${notebook.owner.displayName || notebook.owner.username})` : ""}
        </span>
        <h1>{title}</h1>
      </div>
      <div className="notebook-tools">
        {children}
        {canEdit && (
          <button type="button" onClick={() => setDialog("rename")}>
            Rename
          </button>
        )}
        <button type="button" onClick={() => setDialog("share")}>
          Share
        </button>
        <button type="button" disabled={exportFile.isPending} onClick={() => exportFile.mutate("sql")}>
          Export .sql
        </button>
        <button type="button" disabled={exportFile.isPending} onClick={() => exportFile.mutate("ipynb")}>
          Export .ipynb
        </button>
        <button type="button" disabled={duplicate.isPending} onClick={() => duplicate.mutate()}>
          Duplicate
        </button>
        {notebook.access === "owner" && (
          <button type="button" className="danger" onClick={() => setDialog("delete")}>
            Delete
          </button>
        )}
      </div>
      {dialog === "rename" && <RenameDialog notebook={{ id: notebook.id, title }} onRenamed={onRenamed} onClose={() => setDialog(null)} />}
      {dialog === "share" && <ShareDialog notebookId={notebook.id} canShare={notebook.access === "owner"} onClose={() => setDialog(null)} />}
      <ConfirmDialog
        open={dialog === "delete"}
        title="Delete notebook"
        confirmLabel="Delete notebook"
        danger
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          remove.reset();
          setDialog(null);
        }}
      >
        <p style={{ margin: 0 }}>
          Delete <strong>{title}</strong> with all its cells? People it is shared with lose it too.
        </p>
      </ConfirmDialog>
    </div>
  );
}
