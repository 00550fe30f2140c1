"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { listPersonalTokensAction, revokePersonalTokenAction } from "@/app/(studio)/account/token-actions";
import { unwrap } from "@/components/action-client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CreateTokenDialog } from "./create-token-dialog";
import { accountKeys } from "./keys";

type Tokens = Awaited<ReturnType<typeof loadTokens>>;
type Token = Tokens[number];
const loadTokens = () => unwrap(listPersonalTokensAction(undefined));

/** Account → Access tokens: a person's own bearer tokens for engines (Spark, PyIceberg…). */
export function AccessTokensPanel({ initialTokens }: { initialTokens: Tokens }) {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: accountKeys.tokens(), queryFn: loadTokens, initialData: initialTokens });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const revoke = useMutation({
    mutationFn: (token: Token) => unwrap(revokePersonalTokenAction({ id: token.id })),
    onSuccess: (_, token) => {
      toast.success(`Token ${token.name ?? token.prefix} revoked.`);
      setRevoking(null);
      return queryClient.invalidateQueries({ queryKey: accountKeys.tokens() });
    },
  });
  return (
    <section className="panel panel-body stack" id="tokens" aria-labelledby="tokens-heading">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <div>
          <h2 id="tokens-heading">Access tokens</h2>
          <p className="muted" style={{ margin: 0 }}>
            Tokens let engines use the Iceberg REST catalog with your access. Each is shown once when created.
          </p>
        </div>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New token
        </button>
      </div>
      {tokens.data.length === 0 ? (
        <div className="empty">You have no access tokens.</div>
      ) : (
        <TokensTable
          tokens={tokens.data}
          onRevoke={(token) => {
            revoke.reset();
            setRevoking(token);
          }}
        />
      )}
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={!!revoking}
        title={`Revoke token ${revoking?.name ?? ""}`}
        confirmLabel="Revoke token"
        danger
        pending={revoke.isPending}
        error={revoke.error?.message}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      >
        <p style={{ margin: 0 }}>Engines using this token are refused from now on.</p>
      </ConfirmDialog>
    </section>
  );
}

function TokensTable({ tokens, onRevoke }: { tokens: Token[]; onRevoke: (t: Token) => void }) {
  return (
    <table className="data" aria-label="Access tokens">
      <thead>
        <tr>
          <th>Name</th>
          <th>Token</th>
          <th>Created</th>
          <th>Expires</th>
          <th>Last used</th>
          <th aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} data-token={token.name ?? token.prefix}>
            <td style={{ fontWeight: 600 }}>{token.name ?? "—"}</td>
            <td>
              <code>{token.prefix}</code>
            </td>
            <td className="muted">{new Date(token.createdAt).toLocaleDateString()}</td>
            <td>{expiryText(token.expiresAt)}</td>
            <td className="muted">{token.lastUsedAt ? new Date(token.lastUsedAt).toLocaleString() : "never"}</td>
            <td style={{ textAlign: "right" }}>
              <button type="button" className="danger" onClick={() => onRevoke(token)}>
                Revoke
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function expiryText(expiresAt: Date | null) {
  if (!expiresAt) return <span className="badge warn">never</span>;
  const at = new Date(expiresAt);
  return at.getTime() <= Date.now() ? <span className="badge danger">expired</span> : at.toLocaleDateString();
}
