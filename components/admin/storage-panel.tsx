"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { addStorageAction, listStorageAction, removeStorageAction } from "@/app/(studio)/admin/storage/actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { adminKeys } from "./keys";

type Locations = Awaited<ReturnType<typeof loadLocations>>;
type Location = Locations[number];
const loadLocations = () => unwrap(listStorageAction(undefined));

/** Admin → Storage: the folders managed catalogs keep their tables in; one in use cannot be removed. */
export function StoragePanel({ initialLocations }: { initialLocations: Locations }) {
  const queryClient = useQueryClient();
  const locations = useQuery({ queryKey: adminKeys.storage(), queryFn: loadLocations, initialData: initialLocations });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Location | null>(null);
  const remove = useMutation({
    mutationFn: (l: Location) => unwrap(removeStorageAction({ name: l.name })),
    onSuccess: (_, l) => {
      toast.success(`Storage location ${l.name} removed; its folder stays on disk.`);
      setRemoving(null);
      return queryClient.invalidateQueries({ queryKey: adminKeys.storage() });
    },
  });
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <span className="muted">{locations.data.length} storage locations · managed catalogs keep their tables in one</span>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add location
        </button>
      </div>
      <div className="panel">
        <table className="data" aria-label="Storage locations">
          <thead>
            <tr>
              <th>Location</th>
              <th>Folder</th>
              <th>Used by</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {locations.data.map((l) => (
              <tr key={l.id} data-location={l.name}>
                <td>
                  <div style={{ fontWeight: 600 }}>
                    {l.name} {l.isDefault && <span className="badge accent">default</span>}
                  </div>
                  <div className="muted">{l.comment}</div>
                </td>
                <td>
                  <code>{l.path}</code>
                </td>
                <td>
                  {l.catalogs.length === 0 ? (
                    <span className="muted">not in use</span>
                  ) : (
                    <div className="row">
                      {l.catalogs.map((c) => (
                        <Link key={c.path} href={`/catalog/${c.path.split("/").map(encodeURIComponent).join("/")}`} className="badge accent">
                          {c.path}
                        </Link>
                      ))}
                    </div>
                  )}
                </td>
                <td style={{ textAlign: "right" }}>
                  {!l.isDefault && (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        remove.reset();
                        setRemoving(l);
                      }}
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AddLocationDialog open={adding} onClose={() => setAdding(false)} />
      <ConfirmDialog
        open={!!removing}
        title={`Remove storage location ${removing?.name ?? ""}`}
        confirmLabel="Remove location"
        danger
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      >
        <p style={{ margin: 0 }}>Tarn forgets the location; the folder and its files stay on disk. A location that a catalog uses cannot be removed.</p>
      </ConfirmDialog>
    </div>
  );
}

function AddLocationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: (v: { name: string; path: string; comment?: string }) => unwrap(addStorageAction(v)),
    onSuccess: async (_, v) => {
      toast.success(`Storage location ${v.name} added.`);
      close();
      await queryClient.invalidateQueries({ queryKey: adminKeys.storage() });
    },
  });
  const errors = fieldErrorsOf(add.error);
  const close = () => {
    add.reset();
    onClose();
  };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const comment = String(form.get("comment") ?? "").trim();
    add.mutate({ name: String(form.get("name") ?? "").trim(), path: String(form.get("path") ?? "").trim(), comment: comment || undefined });
  }
  return (
    <Dialog open={open} onClose={close} title="Add a storage location">
      <form method="post" onSubmit={onSubmit} noValidate>
        <div className="dialog-body">
          {add.error && !Object.keys(errors).length && (
            <div className="form-error" role="alert">
              {add.error.message}
            </div>
          )}
          <Field label="Name" errors={errors.name} hint="How catalogs refer to it, e.g. “fast-disk”.">
            <TextInput name="name" required autoFocus invalid={!!errors.name} />
          </Field>
          <Field label="Folder" errors={errors.path} hint="An absolute folder on this server; created if missing. Locations cannot be nested.">
            <TextInput name="path" required invalid={!!errors.path} />
          </Field>
          <Field label="Comment (optional)" errors={errors.comment}>
            <TextInput name="comment" invalid={!!errors.comment} />
          </Field>
        </div>
        <div className="dialog-foot">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add location"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
