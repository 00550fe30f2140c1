"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { createGroupAction, deleteGroupAction, listGroupsAction, removeGroupMemberAction } from "@/app/(studio)/admin/groups/actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { adminKeys } from "./keys";

type Groups = Awaited<ReturnType<typeof loadGroups>>;
const loadGroups = () => unwrap(listGroupsAction(undefined));

export function GroupsPanel({ initialGroups }: { initialGroups: Groups }) {
  const queryClient = useQueryClient();
  // A separate key from the users page's group choices: the shapes differ.
  const groups = useQuery({ queryKey: [...adminKeys.groups(), "detail"], queryFn: loadGroups, initialData: initialGroups });
  const [creating, setCreating] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
  const onError = (error: Error) => toast.error(error.message);
  const remove = useMutation({
    mutationFn: (v: { groupId: string; userId: string; label: string }) => unwrap(removeGroupMemberAction({ groupId: v.groupId, userId: v.userId })),
    onSuccess: (_, v) => {
      toast.success(v.label);
      return refresh();
    },
    onError,
  });
  const drop = useMutation({
    mutationFn: (v: { id: string; name: string }) => unwrap(deleteGroupAction({ id: v.id })),
    onSuccess: (_, v) => {
      toast.success(`Group ${v.name} deleted.`);
      return refresh();
    },
    onError,
  });

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <span className="muted">{groups.data.length} groups · add people to groups from the Users tab</span>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New group
        </button>
      </div>
      <div className="panel">
        {groups.data.length === 0 ? (
          <div className="empty">No groups yet. Groups let stewards grant access to many people at once.</div>
        ) : (
          <table className="data" aria-label="Groups">
            <thead>
              <tr>
                <th>Group</th>
                <th>Members</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {groups.data.map((group) => (
                <tr key={group.id} data-group={group.name}>
                  <td>
                    <div style={{ fontWeight: 600 }}>{group.name}</div>
                    <div className="muted">{group.description}</div>
                  </td>
                  <td>
                    <div className="row">
                      {group.members.length === 0 && <span className="muted">nobody yet</span>}
                      {group.members.map((m) => (
                        <span key={m.id} className="badge accent">
                          {m.username}{" "}
                          <button
                            type="button"
                            className="link"
                            aria-label={`Remove ${m.username} from ${group.name}`}
                            onClick={() => remove.mutate({ groupId: group.id, userId: m.id, label: `${m.username} removed from ${group.name}.` })}
                          >
                            ×
                          </button>
                        </span>
                      ))}
                    </div>
                  </td>
                  <td style={{ textAlign: "right" }}>
                    <button type="button" className="danger" onClick={() => confirm(`Delete group ${group.name}?`) && drop.mutate({ id: group.id, name: group.name })}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <CreateGroupDialog open={creating} onClose={() => setCreating(false)} onCreated={refresh} />
    </div>
  );
}

function CreateGroupDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const create = useMutation({
    mutationFn: (v: { name: string; description: string }) => unwrap(createGroupAction(v)),
    onSuccess: (_, v) => {
      toast.success(`Group ${v.name.trim().toLowerCase()} created.`);
      onCreated();
      close();
    },
  });
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    onClose();
  };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") });
  }
  return (
    <Dialog open={open} onClose={close} title="New group">
      <form method="post" onSubmit={onSubmit} noValidate>
        <div className="dialog-body">
          {create.error && !Object.keys(errors).length && (
            <div className="form-error" role="alert">
              {create.error.message}
            </div>
          )}
          <Field label="Name" errors={errors.name} hint="Lower-case letters, digits, . - _">
            <TextInput name="name" required autoFocus invalid={!!errors.name} />
          </Field>
          <Field label="Description (optional)" errors={errors.description}>
            <TextInput name="description" invalid={!!errors.description} />
          </Field>
        </div>
        <div className="dialog-foot">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            Create group
          </button>
        </div>
      </form>
    </Dialog>
  );
}
