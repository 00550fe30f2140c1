import { describe, expect, it } from "vitest";
import { renderCommand } from "../testing/render-command";
import { CommandSyntaxError, parseCommand } from "./index";

/** Each statement shape → its canonical rendering (embedded SQL as ‹…›, types in Iceberg's spelling). */
const SHAPES: [string, string][] = [
  // schemas
  ["CREATE SCHEMA sales", "CREATE SCHEMA sales"],
  ["create schema if not exists demo.sales", "CREATE SCHEMA IF NOT EXISTS demo.sales"],
  ["CREATE NAMESPACE a.b.c COMMENT 'Sales' WITH (owner_team = 'x')", "CREATE SCHEMA a.b.c WITH (comment='Sales', owner_team='x')"],
  ['CREATE DATABASE "my schema";', "CREATE SCHEMA my schema"],
  ["DROP SCHEMA sales", "DROP SCHEMA sales"],
  ["DROP SCHEMA IF EXISTS demo.sales RESTRICT", "DROP SCHEMA IF EXISTS demo.sales"],
  // tables
  ["CREATE TABLE t (id BIGINT, name VARCHAR)", "CREATE TABLE t (id long, name string)"],
  [
    "CREATE TABLE IF NOT EXISTS demo.sales.orders (id BIGINT NOT NULL COMMENT 'key', amount DECIMAL(10,2), at TIMESTAMP WITH TIME ZONE)",
    "CREATE TABLE IF NOT EXISTS demo.sales.orders (id long NOT NULL COMMENT 'key', amount decimal(10, 2), at timestamptz)",
  ],
  [
    "CREATE TABLE t (a INT, b DOUBLE PRECISION, c TEXT, d DATE, e TIMESTAMP, f BOOLEAN, g UUID, h BLOB, i REAL, j DECIMAL)",
    "CREATE TABLE t (a int, b double, c string, d date, e timestamp, f boolean, g uuid, h binary, i float, j decimal(18, 3))",
  ],
  [
    "CREATE TABLE t (tags VARCHAR[], s STRUCT(x INT, y VARCHAR), m MAP(VARCHAR, BIGINT))",
    "CREATE TABLE t (tags list<string>, s struct<x: int, y: string>, m map<string, long>)",
  ],
  ["CREATE TABLE t (s STRUCT<x: INT NOT NULL, y: ARRAY<STRING>>)", "CREATE TABLE t (s struct<x: int not null, y: list<string>>)"],
  [
    "CREATE TABLE t (id BIGINT, day DATE, region VARCHAR) PARTITIONED BY (month(day), bucket(16, id), region, truncate(region, 4))",
    "CREATE TABLE t (id long, day date, region string) PARTITIONED BY (month(day), bucket[16](id), region, truncate[4](region))",
  ],
  [
    "CREATE TABLE t (id INT) USING iceberg COMMENT 'Orders' TBLPROPERTIES ('write.delete.mode' = 'copy-on-write')",
    "CREATE TABLE t (id int) COMMENT 'Orders' TBLPROPERTIES (write.delete.mode='copy-on-write')",
  ],
  ["CREATE TABLE t (id INT) WITH (format_version = 2, x = true)", "CREATE TABLE t (id int) TBLPROPERTIES (format_version='2', x='true')"],
  ["CREATE TABLE t AS SELECT 1 AS x", "CREATE TABLE t AS ‹SELECT 1 AS x›"],
  ["CREATE OR REPLACE TABLE s.t PARTITIONED BY (day(d)) AS SELECT * FROM src;", "CREATE OR REPLACE TABLE s.t PARTITIONED BY (day(d)) AS ‹SELECT * FROM src›"],
  ["CREATE TABLE t AS (SELECT 1) ", "CREATE TABLE t AS ‹(SELECT 1)›"],
  ["CREATE TABLE t AS WITH x AS (SELECT 1 a) SELECT a FROM x", "CREATE TABLE t AS ‹WITH x AS (SELECT 1 a) SELECT a FROM x›"],
  // views
  ["CREATE VIEW v AS SELECT id FROM orders WHERE id > 10", "CREATE VIEW v AS ‹SELECT id FROM orders WHERE id > 10›"],
  ["CREATE OR REPLACE VIEW s.v (a, b) COMMENT 'two' AS SELECT 1, 2", "CREATE OR REPLACE VIEW s.v (a, b) COMMENT 'two' AS ‹SELECT 1, 2›"],
  ["CREATE VIEW IF NOT EXISTS v AS SELECT ';' AS semi", "CREATE VIEW IF NOT EXISTS v AS ‹SELECT ';' AS semi›"],
  ["DROP VIEW v", "DROP VIEW v"],
  ["DROP VIEW IF EXISTS a.b.v", "DROP VIEW IF EXISTS a.b.v"],
  // alter
  ["ALTER TABLE t ADD COLUMN email VARCHAR", "ALTER TABLE t ADD COLUMNS (email string)"],
  ["ALTER TABLE t ADD COLUMN IF NOT EXISTS n INT NOT NULL COMMENT 'n' FIRST", "ALTER TABLE t ADD COLUMNS IF NOT EXISTS (n int NOT NULL COMMENT 'n' FIRST)"],
  ["ALTER TABLE t ADD COLUMNS (a INT, b VARCHAR AFTER a)", "ALTER TABLE t ADD COLUMNS (a int, b string AFTER a)"],
  ["ALTER TABLE IF EXISTS t DROP COLUMN email", "ALTER TABLE IF EXISTS t DROP COLUMN email"],
  ["ALTER TABLE t DROP IF EXISTS email", "ALTER TABLE t DROP COLUMN IF EXISTS email"],
  ["ALTER TABLE t RENAME COLUMN a TO b", "ALTER TABLE t RENAME COLUMN a TO b"],
  ["ALTER TABLE t RENAME a TO b", "ALTER TABLE t RENAME COLUMN a TO b"],
  ["ALTER TABLE t RENAME TO s.u", "ALTER TABLE t RENAME TO s.u"],
  ["ALTER TABLE t ALTER COLUMN id TYPE BIGINT", "ALTER TABLE t ALTER COLUMN id TYPE long"],
  ["ALTER TABLE t ALTER id SET DATA TYPE DECIMAL(12, 2)", "ALTER TABLE t ALTER COLUMN id TYPE decimal(12, 2)"],
  ["ALTER TABLE t ALTER COLUMN id DROP NOT NULL", "ALTER TABLE t ALTER COLUMN id DROP NOT NULL"],
  ["ALTER TABLE t ALTER COLUMN id COMMENT 'key'", "ALTER TABLE t ALTER COLUMN id COMMENT 'key'"],
  ["ALTER TABLE t SET TBLPROPERTIES ('a' = 'b', c.d = 1)", "ALTER TABLE t SET TBLPROPERTIES (a='b', c.d='1')"],
  ["ALTER TABLE t SET PROPERTIES ('comment' = 'x')", "ALTER TABLE t SET TBLPROPERTIES (comment='x')"],
  ["ALTER TABLE t UNSET TBLPROPERTIES IF EXISTS ('a', 'b')", "ALTER TABLE t UNSET TBLPROPERTIES IF EXISTS (a, b)"],
  ["ALTER TABLE t ADD PARTITION FIELD bucket(8, id) AS shard", "ALTER TABLE t ADD PARTITION FIELD bucket[8](id) AS shard"],
  ["ALTER TABLE t DROP PARTITION FIELD shard", "ALTER TABLE t DROP PARTITION FIELD shard (bare)"],
  ["ALTER TABLE t CREATE TAG q1 AS OF VERSION 42 RETAIN 7 DAYS", "ALTER TABLE t CREATE TAG q1 AS OF VERSION 42 RETAIN 604800000 MS"],
  ["ALTER TABLE t DROP BRANCH IF EXISTS dev", "ALTER TABLE t DROP BRANCH IF EXISTS dev"],
  // drop, truncate
  ["DROP TABLE t", "DROP TABLE t"],
  ["DROP TABLE IF EXISTS demo.sales.orders PURGE", "DROP TABLE IF EXISTS demo.sales.orders PURGE"],
  ["TRUNCATE t", "TRUNCATE t"],
  ["TRUNCATE TABLE s.t;", "TRUNCATE s.t"],
  // insert
  ["INSERT INTO t VALUES (1, 'a'), (2, 'b')", "INSERT INTO t VALUES (‹1›, ‹'a'›), (‹2›, ‹'b'›)"],
  ["INSERT INTO t (id, name) VALUES (:id, upper(:name))", "INSERT INTO t (id, name) VALUES (‹:id›, ‹upper(:name)›)"],
  ["INSERT INTO t VALUES ((1 + 2) * 3, [1, 2], {'a': 1}, CASE WHEN x THEN 1 ELSE 2 END)", "INSERT INTO t VALUES (‹(1 + 2) * 3›, ‹[1, 2]›, ‹{'a': 1}›, ‹CASE WHEN x THEN 1 ELSE 2 END›)"],
  ["INSERT INTO s.t SELECT * FROM u WHERE a = ','", "INSERT INTO s.t ‹SELECT * FROM u WHERE a = ','›"],
  ["INSERT INTO t (a) SELECT 1", "INSERT INTO t (a) ‹SELECT 1›"],
  ["INSERT INTO t BY NAME SELECT 1 AS a", "INSERT INTO t BY NAME ‹SELECT 1 AS a›"],
  ["INSERT INTO t (SELECT 1)", "INSERT INTO t ‹(SELECT 1)›"],
  ["INSERT INTO t WITH x AS (SELECT 1) SELECT * FROM x", "INSERT INTO t ‹WITH x AS (SELECT 1) SELECT * FROM x›"],
  // delete, update
  ["DELETE FROM t", "DELETE FROM t"],
  ["DELETE FROM demo.s.t AS o WHERE o.id IN (SELECT id FROM x) -- gone\n", "DELETE FROM demo.s.t o WHERE ‹o.id IN (SELECT id FROM x)›"],
  ["DELETE FROM t WHERE a = 'WHERE' /* c */", "DELETE FROM t WHERE ‹a = 'WHERE'›"],
  ["UPDATE t SET a = 1", "UPDATE t SET a = ‹1›"],
  ["UPDATE t o SET o.a = a + 1, b = coalesce(b, 'x') WHERE id = :id", "UPDATE t o SET a = ‹a + 1›, b = ‹coalesce(b, 'x')› WHERE ‹id = :id›"],
  ["UPDATE s.t SET t.a = CASE WHEN a > 1 THEN 0 ELSE a END", "UPDATE s.t SET a = ‹CASE WHEN a > 1 THEN 0 ELSE a END›"],
  // merge
  [
    "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)",
    "MERGE INTO t USING s ON ‹t.id = s.id› WHEN MATCHED THEN UPDATE SET v = ‹s.v› WHEN NOT MATCHED THEN INSERT (id, v) VALUES (‹s.id›, ‹s.v›)",
  ],
  [
    "MERGE INTO a.t AS x USING (SELECT * FROM src WHERE y > 1) AS s ON x.id = s.id WHEN MATCHED AND s.del THEN DELETE WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED BY TARGET AND s.v > 0 THEN INSERT * ",
    "MERGE INTO a.t x USING (‹SELECT * FROM src WHERE y > 1›) s ON ‹x.id = s.id› WHEN MATCHED AND ‹s.del› THEN DELETE WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED AND ‹s.v > 0› THEN INSERT *",
  ],
  ["MERGE INTO t USING u s ON t.k = s.k WHEN MATCHED THEN DO NOTHING WHEN NOT MATCHED THEN DO NOTHING", "MERGE INTO t USING u s ON ‹t.k = s.k› WHEN MATCHED THEN DO NOTHING WHEN NOT MATCHED THEN DO NOTHING"],
];

describe("parseCommand: statement shapes", () => {
  it.each(SHAPES)("%s", (sql, rendered) => {
    expect(renderCommand(parseCommand(sql))).toBe(rendered);
  });
});

describe("parseCommand: spans and positions", () => {
  it("keeps embedded SQL as the exact text with its offsets", () => {
    const sql = "DELETE FROM t WHERE  id = :id ";
    const command = parseCommand(sql);
    if (command.kind !== "delete" || !command.where) throw new Error("expected a delete with WHERE");
    expect(command.where).toEqual({ sql: "id = :id", start: 21, end: 29 });
    expect(sql.slice(command.where.start, command.where.end)).toBe("id = :id");
  });

  it("keeps name parts unquoted, with where the name starts", () => {
    const command = parseCommand('INSERT INTO "My Cat".sales."order ""x""" VALUES (1)');
    if (command.kind !== "insert") throw new Error("expected an insert");
    expect(command.name).toEqual({ parts: ["My Cat", "sales", 'order "x"'], start: 12 });
  });
});

/** Malformed or unsupported statements → [message (start of), offset of the marker]. */
const REFUSALS: [string, string, number][] = [
  ["", "Not supported: an empty statement.", 0],
  ["GRANT SELECT ON t TO x", "Not supported: GRANT statements.", 0],
  ["CREATE TEMP TABLE t (a INT)", "Not supported: temporary tables and views.", 7],
  ["CREATE INDEX i ON t (a)", "Not supported: CREATE INDEX.", 7],
  ["CREATE OR REPLACE SCHEMA s", "Not supported: CREATE OR REPLACE SCHEMA.", 0],
  ["CREATE TABLE t (a HUGEINT)", "Not supported: column type HUGEINT. Iceberg has no such type; use DECIMAL(38, 0).", 18],
  ["CREATE TABLE t (a INTERVAL)", "Not supported: column type INTERVAL.", 18],
  ["CREATE TABLE t (a INT PRIMARY KEY)", "Not supported: PRIMARY on a column.", 22],
  ["CREATE TABLE t (a INT, PRIMARY KEY (a))", "Not supported: table constraints.", 23],
  ["CREATE TABLE t (a INT DEFAULT 1)", "Not supported: column DEFAULT values.", 22],
  ["CREATE TABLE t (a INT) USING parquet", "Not supported: USING parquet.", 29],
  ["CREATE TABLE t (a INT) LOCATION '/tmp/x'", "Not supported: a table LOCATION in SQL.", 23],
  ["CREATE TABLE t (a INT) PARTITIONED BY (foo(a))", "Not supported: the partition transform foo().", 39],
  ["CREATE OR REPLACE TABLE t (a INT)", "Not supported: CREATE OR REPLACE TABLE with a column list.", 33],
  ["CREATE TABLE t (a INT[3])", "Not supported: fixed-size arrays (T[n]).", 22],
  ["CREATE TABLE t (a FOO)", 'Syntax error at or near "FOO": "FOO" is not a column type Tarn knows.', 18],
  ["CREATE TABLE t (a INT", 'Syntax error at the end of the statement: expected "," or ")" after a column.', 21],
  ["CREATE TABLE t", 'Syntax error at the end of the statement: expected a column list "(…)" or AS SELECT.', 14],
  ["CREATE TABLE (a INT)", 'Syntax error at or near "(": expected a table name.', 13],
  ["CREATE TABLE t AS DELETE FROM u", 'Syntax error at or near "DELETE": expected a query (SELECT …).', 18],
  ["CREATE VIEW v AS SELECT 1; DROP TABLE x", 'Syntax error at or near ";": one statement at a time was expected.', 25],
  ["CREATE VIEW v WITH (a = 'b') AS SELECT 1", "Not supported: view properties in CREATE VIEW.", 14],
  ["CREATE TABLE t (a VARCHAR 'x)", 'Syntax error at or near "\'": this string is never closed.', 26],
  ["ALTER VIEW v RENAME TO w", "Not supported: ALTER VIEW.", 6],
  ["ALTER TABLE t ADD COLUMN a INT, DROP COLUMN b", "Not supported: several ALTER TABLE actions in one statement.", 30],
  ["ALTER TABLE t FROB", 'Syntax error at or near "FROB": expected ADD, DROP, RENAME, ALTER COLUMN, SET, UNSET or CREATE TAG/BRANCH.', 14],
  ["ALTER TABLE t ALTER COLUMN a TYPE BIGINT USING a::BIGINT", "Not supported: ALTER COLUMN … TYPE … USING.", 41],
  ["ALTER TABLE t SET LOCATION '/x'", "Not supported: ALTER TABLE … SET LOCATION.", 18],
  ["ALTER TABLE t RENAME COLUMN a b", 'Syntax error at or near "b": expected TO and the new column name.', 30],
  ["DROP TABLE a, b", "Not supported: dropping several tables in one statement.", 12],
  ["DROP TABLE a; DROP TABLE b", 'Syntax error at or near ";": one statement at a time was expected.', 12],
  ["DROP INDEX i", "Not supported: DROP INDEX.", 5],
  ["DROP TABLE t CASCADE", "Not supported: DROP TABLE … CASCADE.", 13],
  ["INSERT OVERWRITE t SELECT 1", "Not supported: INSERT OVERWRITE.", 7],
  ["INSERT OR REPLACE INTO t VALUES (1)", "Not supported: INSERT OR REPLACE.", 7],
  ["INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", "Not supported: ON CONFLICT.", 25],
  ["INSERT INTO t VALUES (1) RETURNING *", "Not supported: RETURNING.", 25],
  ["INSERT INTO t DEFAULT VALUES", "Not supported: INSERT … DEFAULT VALUES.", 14],
  ["INSERT INTO t VALUES (1,)", 'Syntax error at or near ")": expected a value.', 24],
  ["INSERT INTO t VALUES 1", 'Syntax error at or near "1": expected "(" before a row of values.', 21],
  ["INSERT t VALUES (1)", 'Syntax error at or near "t": expected INTO.', 7],
  ["DELETE FROM t USING u WHERE t.a = u.a", "Not supported: DELETE … USING.", 14],
  ["DELETE FROM t WHERE", 'Syntax error at the end of the statement: expected a condition.', 19],
  ["UPDATE t SET a = 1 FROM u", "Not supported: UPDATE … FROM.", 19],
  ["UPDATE t SET (a, b) = (1, 2)", "Not supported: SET (a, b) = (…).", 13],
  ["UPDATE t SET s.x = 1", "Not supported: assigning a field of a struct.", 13],
  ["UPDATE t SET a 1", 'Syntax error at or near "1": expected "=" after the column.', 15],
  ["TRUNCATE a, b", "Not supported: truncating several tables in one statement.", 10],
  ["MERGE INTO t USING s ON t.a = s.a", 'Syntax error at the end of the statement: expected WHEN MATCHED or WHEN NOT MATCHED.', 33],
  ["MERGE INTO t USING s ON a WHEN NOT MATCHED BY SOURCE THEN DELETE", "Not supported: WHEN NOT MATCHED BY SOURCE.", 43],
  ["MERGE INTO t USING (SELECT 1) ON a WHEN MATCHED THEN DELETE", 'Syntax error at or near "ON": expected an alias for the source query.', 30],
  ["MERGE INTO t USING s ON a WHEN MATCHED THEN INSERT *", 'Syntax error at or near "INSERT": expected UPDATE, DELETE or DO NOTHING.', 44],
];

describe("parseCommand: refusals name the construct, errors say where", () => {
  it.each(REFUSALS)("%s", (sql, message, position) => {
    let caught: unknown;
    try {
      parseCommand(sql);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CommandSyntaxError);
    const error = caught as CommandSyntaxError;
    expect(error.message.startsWith(message), `${error.message} should start with ${message}`).toBe(true);
    expect(error.position).toBe(position);
    expect(error.code).toBe("bad_request");
  });

  it("shifts positions by the statement's offset in the cell", () => {
    expect(() => parseCommand("DROP TABLE a, b", 100)).toThrow(expect.objectContaining({ position: 112 }));
  });
});
