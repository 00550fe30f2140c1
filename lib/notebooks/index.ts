/**
 * Notebooks: ordered SQL and Markdown cells, a current catalog/namespace, parameters,
 * sharing, and `.sql` / `.ipynb` files. Every function takes the metadata store and the
 * asking principal, and asks lib/access (`authorizeNotebook`) before it reads or writes.
 *
 *   const { id } = await createNotebook(db, principal, { title: "Revenue" });
 *   const cell = await addCell(db, principal, id, { kind: "sql", source: "SELECT 1" });
 *   await updateCell(db, principal, id, cell.id, { source: "SELECT 2" });     // autosave
 *   await shareNotebook(db, principal, id, { principalType: "group", name: "finance", permission: "view" });
 *   const file = await exportNotebook(db, principal, id, "ipynb");
 *
 * Running cells is lib/query's business; a notebook only keeps what was written.
 */
export { addCell, deleteCell, moveCell, updateCell } from "./cells";
export { exportNotebook, importNotebook, MAX_IMPORT_BYTES, type NotebookFile, type NotebookFileFormat } from "./files";
export { fromIpynb, toIpynb } from "./ipynb";
export {
  createNotebook,
  deleteNotebook,
  duplicateNotebook,
  listNotebooks,
  loadNotebook,
  renameNotebook,
  setNotebookContext,
  setNotebookParameters,
} from "./notebooks";
export { listShares, shareNotebook, suggestSharees, unshareNotebook } from "./sharing";
export { fromSqlFile, toSqlFile } from "./sql-file";
export * from "./types";
