/** What Tarn asks of a federated database, whatever its type: live, read-only discovery. */
export interface RemoteSchema {
  name: string;
  comment: string | null;
}

export interface RemoteTable {
  schema: string;
  name: string;
  kind: "table" | "view";
  comment: string | null;
  /** The database's own estimate (statistics), not a count; null when it has none. */
  rowEstimate: number | null;
}

export interface RemoteColumn {
  name: string;
  position: number;
  /** Iceberg-like type name, for display. */
  type: string;
  /** The type as the database names it. */
  nativeType: string;
  nullable: boolean;
  comment: string | null;
}

export interface RemoteDatabase {
  /** The server's version text; throws a ConnectionProblem when it cannot connect. */
  ping(): Promise<string>;
  schemas(): Promise<RemoteSchema[]>;
  tables(schema: string): Promise<RemoteTable[]>;
  /** Null when there is no such table or view. */
  columns(schema: string, table: string): Promise<RemoteColumn[] | null>;
}
