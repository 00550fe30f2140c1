/**
 * Ready-to-paste settings for engines that speak the Iceberg REST protocol. Pure: the
 * page fills in this server's address, the chosen catalog (the REST "warehouse") and the
 * credentials; blanks stay visible placeholders, never real-looking values.
 */
export type Credentials = { kind: "client"; clientId: string; clientSecret: string } | { kind: "token"; token: string };

export interface SnippetInput {
  /** The REST catalog's base URI: engines append /v1/… to it. */
  restUri: string;
  warehouse: string;
  credentials: Credentials;
}

export interface Snippet {
  id: "spark" | "trino" | "pyiceberg" | "duckdb";
  label: string;
  files: { title: string; language: string; text: string }[];
}

const SPARK_RUNTIME = "org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.9.2";

function parts(input: SnippetInput) {
  const c = input.credentials;
  const clientId = c.kind === "client" ? c.clientId.trim() || "<client-id>" : "";
  const clientSecret = c.kind === "client" ? c.clientSecret.trim() || "<client-secret>" : "";
  const token = c.kind === "token" ? c.token.trim() || "<access-token>" : "";
  return { uri: input.restUri, tokenUri: `${input.restUri}/v1/oauth/tokens`, warehouse: input.warehouse || "<catalog>", clientId, clientSecret, token, isClient: c.kind === "client" };
}

function sparkSettings(input: SnippetInput): [string, string][] {
  const p = parts(input);
  const auth: [string, string][] = p.isClient
    ? [
        ["spark.sql.catalog.tarn.credential", `${p.clientId}:${p.clientSecret}`],
        ["spark.sql.catalog.tarn.oauth2-server-uri", p.tokenUri],
      ]
    : [["spark.sql.catalog.tarn.token", p.token]];
  return [
    ["spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions"],
    ["spark.sql.catalog.tarn", "org.apache.iceberg.spark.SparkCatalog"],
    ["spark.sql.catalog.tarn.type", "rest"],
    ["spark.sql.catalog.tarn.uri", p.uri],
    ["spark.sql.catalog.tarn.warehouse", p.warehouse],
    ...auth,
    ["spark.sql.defaultCatalog", "tarn"],
  ];
}

export function sparkSnippet(input: SnippetInput): Snippet {
  const settings = sparkSettings(input);
  const width = Math.max(...settings.map(([k]) => k.length)) + 2;
  return {
    id: "spark",
    label: "Spark",
    files: [
      { title: "spark-defaults.conf", language: "properties", text: settings.map(([k, v]) => `${k.padEnd(width)}${v}`).join("\n") },
      { title: "or on the command line", language: "shell", text: [`spark-sql --packages ${SPARK_RUNTIME}`, ...settings.map(([k, v]) => `  --conf ${k}=${v}`)].join(" \\\n") },
    ],
  };
}

export function trinoSnippet(input: SnippetInput): Snippet {
  const p = parts(input);
  const auth = p.isClient
    ? [`iceberg.rest-catalog.oauth2.credential=${p.clientId}:${p.clientSecret}`, `iceberg.rest-catalog.oauth2.server-uri=${p.tokenUri}`]
    : [`iceberg.rest-catalog.oauth2.token=${p.token}`];
  const text = [
    "connector.name=iceberg",
    "iceberg.catalog.type=rest",
    `iceberg.rest-catalog.uri=${p.uri}`,
    `iceberg.rest-catalog.warehouse=${p.warehouse}`,
    "iceberg.rest-catalog.security=OAUTH2",
    ...auth,
    "# Table files are local paths of this server: run Trino where it can read them.",
    "fs.native-local.enabled=true",
    "local.location=/",
  ].join("\n");
  return { id: "trino", label: "Trino", files: [{ title: "etc/catalog/tarn.properties", language: "properties", text }] };
}

export function pyicebergSnippet(input: SnippetInput): Snippet {
  const p = parts(input);
  const yamlAuth = p.isClient ? [`    credential: ${p.clientId}:${p.clientSecret}`, `    oauth2-server-uri: ${p.tokenUri}`] : [`    token: ${p.token}`];
  const pyAuth = p.isClient ? [`    "credential": "${p.clientId}:${p.clientSecret}",`, `    "oauth2-server-uri": "${p.tokenUri}",`] : [`    "token": "${p.token}",`];
  const yaml = ["catalog:", "  tarn:", `    uri: ${p.uri}`, `    warehouse: ${p.warehouse}`, ...yamlAuth].join("\n");
  const python = [
    "from pyiceberg.catalog import load_catalog",
    "",
    "catalog = load_catalog(",
    '    "tarn",',
    "    **{",
    `    "uri": "${p.uri}",`,
    `    "warehouse": "${p.warehouse}",`,
    ...pyAuth,
    "    },",
    ")",
    "print(catalog.list_namespaces())",
  ].join("\n");
  return {
    id: "pyiceberg",
    label: "PyIceberg",
    files: [
      { title: "~/.pyiceberg.yaml", language: "yaml", text: yaml },
      { title: "or in Python", language: "python", text: python },
    ],
  };
}

export function duckdbSnippet(input: SnippetInput): Snippet {
  const p = parts(input);
  const secret = p.isClient
    ? `CREATE SECRET tarn_secret (\n    TYPE ICEBERG,\n    CLIENT_ID '${p.clientId}',\n    CLIENT_SECRET '${p.clientSecret}',\n    OAUTH2_SERVER_URI '${p.tokenUri}'\n);`
    : `CREATE SECRET tarn_secret (\n    TYPE ICEBERG,\n    TOKEN '${p.token}'\n);`;
  const text = [
    "INSTALL iceberg;",
    "LOAD iceberg;",
    secret,
    `ATTACH '${p.warehouse}' AS tarn (\n    TYPE ICEBERG,\n    SECRET tarn_secret,\n    ENDPOINT '${p.uri}'\n);`,
    "SHOW ALL TABLES;",
  ].join("\n");
  return { id: "duckdb", label: "DuckDB", files: [{ title: "DuckDB SQL", language: "sql", text }] };
}

export function allSnippets(input: SnippetInput): Snippet[] {
  return [sparkSnippet(input), trinoSnippet(input), pyicebergSnippet(input), duckdbSnippet(input)];
}
