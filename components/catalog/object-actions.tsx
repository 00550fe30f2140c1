"use client";

import Link from "next/link";
import { useState } from "react";
import { CreateCatalogDialog } from "./create-catalog-dialog";
import { CreateNamespaceDialog } from "./create-namespace-dialog";
import { CreateTableDialog } from "./create-table-dialog";
import type { ContainerAbilities } from "./object-types";
import { RegisterFolderDialog } from "./register-folder-dialog";
import { RegisterTableDialog } from "./register-table-dialog";

/** /catalog's buttons: a new catalog (admins), and how engines connect. */
export function RootActions({ canCreateCatalog, storageChoices }: { canCreateCatalog: boolean; storageChoices: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Link href="/connect" className="button">
        Connect an engine
      </Link>
      {canCreateCatalog && (
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          New catalog
        </button>
      )}
      {canCreateCatalog && <CreateCatalogDialog open={open} onClose={() => setOpen(false)} storageChoices={storageChoices} />}
    </>
  );
}

type Container = { kind: "catalog"; catalog: string } | { kind: "namespace"; catalog: string; namespace: string[] };
type Opened = "namespace" | "table" | "register" | "folder" | null;

/** A catalog's or namespace's create and register buttons — only those this principal may use here. */
export function ContainerActions({ parent, can }: { parent: Container; catalogKind: string; can: ContainerAbilities }) {
  const [opened, setOpened] = useState<Opened>(null);
  const close = () => setOpened(null);
  const inNamespace = parent.kind === "namespace" ? parent : null;
  return (
    <>
      {can.createNamespace && (
        <button type="button" onClick={() => setOpened("namespace")}>
          New namespace
        </button>
      )}
      {inNamespace && can.registerTable && (
        <button type="button" onClick={() => setOpened("register")}>
          Register table
        </button>
      )}
      {inNamespace && can.registerFolder && (
        <button type="button" onClick={() => setOpened("folder")}>
          Register folder
        </button>
      )}
      {inNamespace && can.createTable && (
        <button type="button" className="primary" onClick={() => setOpened("table")}>
          New table
        </button>
      )}
      {can.createNamespace && <CreateNamespaceDialog parent={parent} open={opened === "namespace"} onClose={close} />}
      {inNamespace && can.createTable && <CreateTableDialog parent={inNamespace} open={opened === "table"} onClose={close} />}
      {inNamespace && can.registerTable && <RegisterTableDialog parent={inNamespace} open={opened === "register"} onClose={close} />}
      {inNamespace && can.registerFolder && <RegisterFolderDialog parent={inNamespace} open={opened === "folder"} onClose={close} />}
    </>
  );
}
