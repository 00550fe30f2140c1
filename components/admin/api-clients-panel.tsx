"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { deleteApiClientAction, listApiClientsAction, setApiClientDisabledAction } from "@/app/(studio)/admin/api-clients/actions";
import { unwrap } from "@/components/action-client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CreateApiClientDialog, type OwnerChoice } from "./create-api-client-dialog";
import { adminKeys } from "./keys";

type Clients = Awaited<ReturnType<typeof loadClients>>;
type Client = Clients[number];
const loadClients = () => unwrap(listApiClientsAction(undefined));

/** Admin → API clients: OAuth2 client-credentials identities for engines using the REST catalog. */
export function ApiClientsPanel({ initialClients, owners, currentUserId }: { initialClients: Clients; owners: OwnerChoice[]; currentUserId: string | null }) {
  const queryClient = useQueryClient();
  const clients = useQuery({ queryKey: adminKeys.apiClients(), queryFn: loadClients, initialData: initialClients });
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Client | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.apiClients() });
  const setDisabled = useMutation({
    mutationFn: (v: { client: Client; disabled: boolean }) => unwrap(setApiClientDisabledAction({ id: v.client.id, disabled: v.disabled })),
    onSuccess: (_, v) => {
      toast.success(`${v.client.name} is ${v.disabled ? "disabled; its tokens no longer work" : "enabled"}.`);
      return refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const remove = useMutation({
    mutationFn: (client: Client) => unwrap(deleteApiClientAction({ id: client.id })),
    onSuccess: (_, client) => {
      toast.success(`API client ${client.name} deleted.`);
      setDeleting(null);
      return refresh();
    },
  });

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <span className="muted">{clients.data.length} API clients · engines sign in with a client id and secret; a client acts with its owner's access</span>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New API client
        </button>
      </div>
      <div className="panel">
        {clients.data.length === 0 ? (
          <div className="empty">No API clients yet. Create one for each Spark, Trino or PyIceberg deployment.</div>
        ) : (
          <ClientsTable
            clients={clients.data}
            busy={setDisabled.isPending}
            onToggle={(client) => setDisabled.mutate({ client, disabled: !client.disabled })}
            onDelete={(client) => {
              remove.reset();
              setDeleting(client);
            }}
          />
        )}
      </div>
      <CreateApiClientDialog open={creating} onClose={() => setCreating(false)} owners={owners} currentUserId={currentUserId} />
      <ConfirmDialog
        open={!!deleting}
        title={`Delete API client ${deleting?.name ?? ""}`}
        confirmLabel="Delete client"
        danger
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      >
        <p style={{ margin: 0 }}>Engines using this client stop working at once, and its tokens are revoked. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}

function ClientsTable({ clients, busy, onToggle, onDelete }: { clients: Client[]; busy: boolean; onToggle: (c: Client) => void; onDelete: (c: Client) => void }) {
  return (
    <table className="data" aria-label="API clients">
      <thead>
        <tr>
          <th>Client</th>
          <th>Client id</th>
          <th>Owner</th>
          <th>Status</th>
          <th>Last used</th>
          <th aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {clients.map((client) => (
          <tr key={client.id} data-client={client.name}>
            <td>
              <div style={{ fontWeight: 600 }}>{client.name}</div>
              <div className="muted">created {new Date(client.createdAt).toLocaleDateString()}</div>
            </td>
            <td>
              <code>{client.clientId}</code>
            </td>
            <td>{client.owner}</td>
            <td>{client.disabled ? <span className="badge danger">disabled</span> : <span className="badge ok">active</span>}</td>
            <td className="muted">{client.lastUsedAt ? new Date(client.lastUsedAt).toLocaleString() : "never"}</td>
            <td>
              <div className="row" style={{ justifyContent: "flex-end" }}>
                <button type="button" className={client.disabled ? undefined : "danger"} disabled={busy} onClick={() => onToggle(client)}>
                  {client.disabled ? "Enable" : "Disable"}
                </button>
                <button type="button" className="danger" onClick={() => onDelete(client)}>
                  Delete
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
