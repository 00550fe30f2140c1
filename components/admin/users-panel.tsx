"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { listGroupChoicesAction, listUsersAction, setUserDisabledAction, setUserRoleAction } from "@/app/(studio)/admin/users/actions";
import { addGroupMemberAction } from "@/app/(studio)/admin/groups/actions";
import { unwrap } from "@/components/action-client";
import { CreateUserDialog } from "./create-user-dialog";
import { adminKeys } from "./keys";
import { ResetPasswordDialog } from "./reset-password-dialog";

type Users = Awaited<ReturnType<typeof loadUsers>>;
const loadUsers = () => unwrap(listUsersAction(undefined));
const loadGroupChoices = () => unwrap(listGroupChoicesAction(undefined));

export function UsersPanel({ initialUsers, currentUserId }: { initialUsers: Users; currentUserId: string | null }) {
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: adminKeys.users(), queryFn: loadUsers, initialData: initialUsers });
  const groups = useQuery({ queryKey: adminKeys.groups(), queryFn: loadGroupChoices });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<{ id: string; username: string } | null>(null);

  const onDone = (message: string) => {
    toast.success(message);
    return queryClient.invalidateQueries({ queryKey: adminKeys.all });
  };
  const onError = (error: Error) => toast.error(error.message);
  const setDisabled = useMutation({
    mutationFn: (v: { id: string; disabled: boolean; username: string }) => unwrap(setUserDisabledAction({ id: v.id, disabled: v.disabled })),
    onSuccess: (_, v) => onDone(`${v.username} is ${v.disabled ? "disabled" : "enabled"}.`),
    onError,
  });
  const setRole = useMutation({
    mutationFn: (v: { id: string; role: string; username: string }) => unwrap(setUserRoleAction({ id: v.id, role: v.role as "admin" })),
    onSuccess: (_, v) => onDone(`${v.username} is now ${v.role}.`),
    onError,
  });
  const addToGroup = useMutation({
    mutationFn: (v: { userId: string; groupId: string; label: string }) => unwrap(addGroupMemberAction({ userId: v.userId, groupId: v.groupId })),
    onSuccess: (_, v) => onDone(v.label),
    onError,
  });

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <span className="muted">{users.data.length} users</span>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New user
        </button>
      </div>
      <div className="panel">
        <table className="data" aria-label="Users">
          <thead>
            <tr>
              <th>User</th>
              <th>Role</th>
              <th>Groups</th>
              <th>Status</th>
              <th>Last sign-in</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id} data-username={user.username}>
                <td>
                  <div style={{ fontWeight: 600 }}>{user.username}</div>
                  <div className="muted">{[user.displayName, user.email].filter(Boolean).join(" · ")}</div>
                </td>
                <td>
                  <select
                    aria-label={`Role of ${user.username}`}
                    value={user.role}
                    disabled={setRole.isPending}
                    onChange={(e) => setRole.mutate({ id: user.id, role: e.target.value, username: user.username })}
                  >
                    <option value="admin">admin</option>
                    <option value="steward">steward</option>
                    <option value="analyst">analyst</option>
                  </select>
                </td>
                <td>
                  <div className="row">
                    {user.groups.map((g) => (
                      <span key={g.id} className="badge accent">
                        {g.name}
                      </span>
                    ))}
                    <AddToGroup
                      username={user.username}
                      choices={(groups.data ?? []).filter((g) => !user.groups.some((m) => m.id === g.id))}
                      onAdd={(group) => addToGroup.mutate({ userId: user.id, groupId: group.id, label: `${user.username} added to ${group.name}.` })}
                    />
                  </div>
                </td>
                <td>{user.disabled ? <span className="badge danger">disabled</span> : <span className="badge ok">active</span>}</td>
                <td className="muted">{user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString() : "never"}</td>
                <td>
                  <div className="row" style={{ justifyContent: "flex-end" }}>
                    {user.authProvider === "credentials" && (
                      <button type="button" onClick={() => setResetting({ id: user.id, username: user.username })}>
                        Reset password
                      </button>
                    )}
                    {user.id !== currentUserId && (
                      <button
                        type="button"
                        className={user.disabled ? undefined : "danger"}
                        disabled={setDisabled.isPending}
                        onClick={() => setDisabled.mutate({ id: user.id, disabled: !user.disabled, username: user.username })}
                      >
                        {user.disabled ? "Enable" : "Disable"}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} groups={groups.data ?? []} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}

function AddToGroup({ username, choices, onAdd }: { username: string; choices: { id: string; name: string }[]; onAdd: (g: { id: string; name: string }) => void }) {
  if (choices.length === 0) return null;
  return (
    <select
      aria-label={`Add ${username} to a group`}
      value=""
      onChange={(e) => {
        const group = choices.find((g) => g.id === e.target.value);
        if (group) onAdd(group);
      }}
    >
      <option value="">+ group</option>
      {choices.map((g) => (
        <option key={g.id} value={g.id}>
          {g.name}
        </option>
      ))}
    </select>
  );
}
