/**
 * External tables: a folder of Parquet, CSV or JSON files registered in place in a lake
 * catalog — never copied; files added later show up on the next read.
 *
 *   await registerFolder(ctx, { catalog: "files", namespace: ["raw"], name: "events" }, { path: "/data/events" });
 *   const { columns } = await describeExternal(ctx, ident);       // inferred now, partition columns marked
 *   const relation = externalRelationSql(row);                     // "(SELECT * FROM read_parquet('/data/events/**\/*.parquet', …))"
 *
 * The format is detected from file names when not given (a folder mixing formats must
 * say which); `key=value` folders become columns. Any absolute folder the server can
 * read may be registered, except inside Tarn's data folder other than its warehouse.
 */
export { type ExternalDescription, describeExternal } from "./describe";
export { icebergTypeOfDuck } from "./duck-types";
export {
  EXTERNAL_FORMATS,
  type ExternalFormat,
  type ExternalOptions,
  validateOptions,
} from "./formats";
export type { ExternalColumn } from "./infer";
export { type ExternalTableInfo, type RegisterFolderInput, registerFolder } from "./register";
export {
  type ExternalRowLike,
  type ExternalSource,
  externalRelationSql,
  externalSourceOf,
  readerSql,
} from "./relation";
