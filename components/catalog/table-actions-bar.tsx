"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { dropTableAction, setTableProtectedAction } from "@/app/(studio)/catalog/table-edit-actions";
import { unwrap } from "@/components/action-client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { catalogKeys } from "./keys";
import { dottedName, hrefOf, keyOf, parentOf } from "./paths";
import { identOf, type TableRef } from "./table-tabs";
import type { TableAbilities, TableOverview } from "./table-types";
import { useTableOverview } from "./use-table-overview";

/** Protect against drop, and drop into the trash — for those allowed; the actions check again. */
export function TableActionsBar({ target, can, initial }: { target: TableRef; can: TableAbilities; initial: TableOverview }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const tableKey = keyOf(target);
  const isProtected = useTableOverview(target, initial).protected;
  const [dropping, setDropping] = useState(false);
  const protect = useMutation({
    mutationFn: (value: boolean) => unwrap(setTableProtectedAction({ ...identOf(target), protected: value })),
    onSuccess: async (_, value) => {
      toast.success(value ? `${target.name} is protected against drop.` : `${target.name} may be dropped again.`);
      await queryClient.invalidateQueries({ queryKey: catalogKeys.tablePart(tableKey, "overview") });
    },
    onError: (error) => toast.error(error.message),
  });
  const drop = useMutation({
    mutationFn: () => unwrap(dropTableAction({ ...identOf(target), view: initial.kind === "view" })),
    onSuccess: async () => {
      toast.success(`${dottedName(target)} moved to the trash.`);
      setDropping(false);
      const parent = parentOf(target);
      queryClient.removeQueries({ queryKey: catalogKeys.table(tableKey) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: catalogKeys.children(keyOf(parent)) }),
        queryClient.invalidateQueries({ queryKey: catalogKeys.searchAll() }),
        queryClient.invalidateQueries({ queryKey: catalogKeys.trash() }),
      ]);
      router.push(hrefOf(parent));
    },
  });
  const showProtect = can.protect && initial.kind === "table" && !initial.federated;
  if (!showProtect && !(can.drop && !initial.federated)) return null;
  return (
    <>
      {showProtect && (
        <button type="button" onClick={() => protect.mutate(!isProtected)} disabled={protect.isPending} aria-pressed={isProtected}>
          {isProtected ? "Protected" : "Protect"}
        </button>
      )}
      {can.drop && !initial.federated && (
        <button
          type="button"
          className="danger"
          onClick={() => {
            drop.reset();
            setDropping(true);
          }}
        >
          Drop
        </button>
      )}
      <ConfirmDialog
        open={dropping}
        title={`Drop ${dottedName(target)}`}
        confirmLabel={`Drop ${initial.kind === "view" ? "view" : "table"}`}
        danger
        pending={drop.isPending}
        error={drop.error?.message}
        onConfirm={() => drop.mutate()}
        onClose={() => setDropping(false)}
      >
        <p style={{ margin: 0 }}>It moves to the trash, where it can be restored until the catalog's retention ends. Engines stop seeing it at once.</p>
      </ConfirmDialog>
    </>
  );
}
