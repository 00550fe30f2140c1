"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { dropNamespaceAction } from "@/app/(studio)/catalog/namespace-actions";
import { unwrap } from "@/components/action-client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { catalogKeys } from "./keys";
import { dottedName, hrefOf, keyOf, parentOf } from "./paths";

type NamespaceRef = { kind: "namespace"; catalog: string; namespace: string[] };

/** Drops an empty namespace into the trash; a namespace with tables or namespaces in it is refused, saying so. */
export function DropNamespaceButton({ target }: { target: NamespaceRef }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const drop = useMutation({
    mutationFn: () => unwrap(dropNamespaceAction({ catalog: target.catalog, namespace: target.namespace })),
    onSuccess: async () => {
      toast.success(`${dottedName(target)} moved to the trash.`);
      setOpen(false);
      const parent = parentOf(target);
      queryClient.removeQueries({ queryKey: catalogKeys.namespace(keyOf(target)) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: catalogKeys.children(keyOf(parent)) }),
        queryClient.invalidateQueries({ queryKey: catalogKeys.searchAll() }),
        queryClient.invalidateQueries({ queryKey: catalogKeys.trash() }),
      ]);
      router.push(hrefOf(parent));
    },
  });
  return (
    <>
      <button
        type="button"
        className="danger"
        onClick={() => {
          drop.reset();
          setOpen(true);
        }}
      >
        Drop
      </button>
      <ConfirmDialog
        open={open}
        title={`Drop ${dottedName(target)}`}
        confirmLabel="Drop namespace"
        danger
        pending={drop.isPending}
        error={drop.error?.message}
        onConfirm={() => drop.mutate()}
        onClose={() => setOpen(false)}
      >
        <p style={{ margin: 0 }}>An empty namespace moves to the trash, where it can be restored until the catalog's retention ends.</p>
      </ConfirmDialog>
    </>
  );
}
