"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { toast } from "sonner";
import { importNotebookAction } from "@/app/(studio)/notebooks/actions";
import { unwrap } from "@/components/action-client";

const MAX_BYTES = 5 * 1024 * 1024;

/** Import a .sql or .ipynb file as a new notebook, then open it. */
export function ImportButton() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const importFile = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > MAX_BYTES) throw new Error("The file is too large to import (at most 5 MB).");
      return unwrap(importNotebookAction({ filename: file.name, text: await file.text() }));
    },
    onSuccess: ({ id }) => router.push(`/notebooks/${id}`),
    onError: (error) => toast.error(error.message),
  });
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={importFile.isPending}>
        {importFile.isPending ? "Importing…" : "Import…"}
      </button>
      <input
        ref={input}
        type="file"
        accept=".sql,.ipynb"
        aria-label="Import a notebook file"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) importFile.mutate(file);
        }}
      />
    </>
  );
}
