/** The eight TPC-H tables as Iceberg schemas (TPC-H 3.0 column names and types). */
import type { NestedField, Schema } from "@/lib/iceberg/spec";

export const TPCH_TABLES = ["region", "nation", "supplier", "part", "partsupp", "customer", "orders", "lineitem"] as const;
export type TpchTable = (typeof TPCH_TABLES)[number];

const MONEY = "decimal(15,2)";

function schema(fields: [name: string, type: string][]): Schema {
  const nested: NestedField[] = fields.map(([name, type], i) => ({ id: i + 1, name, type, required: i === 0 }));
  return { type: "struct", schemaId: 0, fields: nested };
}

export const TPCH_SCHEMAS: Record<TpchTable, Schema> = {
  region: schema([["r_regionkey", "int"], ["r_name", "string"], ["r_comment", "string"]]),
  nation: schema([["n_nationkey", "int"], ["n_name", "string"], ["n_regionkey", "int"], ["n_comment", "string"]]),
  supplier: schema([
    ["s_suppkey", "long"],
    ["s_name", "string"],
    ["s_address", "string"],
    ["s_nationkey", "int"],
    ["s_phone", "string"],
    ["s_acctbal", MONEY],
    ["s_comment", "string"],
  ]),
  part: schema([
    ["p_partkey", "long"],
    ["p_name", "string"],
    ["p_mfgr", "string"],
    ["p_brand", "string"],
    ["p_type", "string"],
    ["p_size", "int"],
    ["p_container", "string"],
    ["p_retailprice", MONEY],
    ["p_comment", "string"],
  ]),
  partsupp: schema([
    ["ps_partkey", "long"],
    ["ps_suppkey", "long"],
    ["ps_availqty", "int"],
    ["ps_supplycost", MONEY],
    ["ps_comment", "string"],
  ]),
  customer: schema([
    ["c_custkey", "long"],
    ["c_name", "string"],
    ["c_address", "string"],
    ["c_nationkey", "int"],
    ["c_phone", "string"],
    ["c_acctbal", MONEY],
    ["c_mktsegment", "string"],
    ["c_comment", "string"],
  ]),
  orders: schema([
    ["o_orderkey", "long"],
    ["o_custkey", "long"],
    ["o_orderstatus", "string"],
    ["o_totalprice", MONEY],
    ["o_orderdate", "date"],
    ["o_orderpriority", "string"],
    ["o_clerk", "string"],
    ["o_shippriority", "int"],
    ["o_comment", "string"],
  ]),
  lineitem: schema([
    ["l_orderkey", "long"],
    ["l_partkey", "long"],
    ["l_suppkey", "long"],
    ["l_linenumber", "int"],
    ["l_quantity", MONEY],
    ["l_extendedprice", MONEY],
    ["l_discount", MONEY],
    ["l_tax", MONEY],
    ["l_returnflag", "string"],
    ["l_linestatus", "string"],
    ["l_shipdate", "date"],
    ["l_commitdate", "date"],
    ["l_receiptdate", "date"],
    ["l_shipinstruct", "string"],
    ["l_shipmode", "string"],
    ["l_comment", "string"],
  ]),
};
