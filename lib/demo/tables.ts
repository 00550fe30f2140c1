/** The demo tables' schemas and partitioning. */
import type { PartitionFieldInput } from "@/lib/catalog";
import type { NestedField, Schema } from "@/lib/iceberg/spec";

function schema(fields: [name: string, type: string, required: boolean, doc: string][]): Schema {
  const nested: NestedField[] = fields.map(([name, type, required, doc], i) => ({ id: i + 1, name, type, required, doc }));
  return { type: "struct", schemaId: 0, fields: nested };
}

export interface DemoTable {
  name: string;
  comment: string;
  schema: Schema;
  partitionBy: PartitionFieldInput[];
}

export const DEMO_TABLES: DemoTable[] = [
  {
    name: "customers",
    comment: "People and companies who buy from the shop.",
    schema: schema([
      ["customer_id", "long", true, "Unique customer number"],
      ["name", "string", false, "Full name"],
      ["email", "string", false, "Contact e-mail address"],
      ["country", "string", false, "ISO 3166 country code"],
      ["segment", "string", false, "consumer, small business or enterprise"],
      ["signup_date", "date", false, "Day the account was opened"],
    ]),
    partitionBy: [],
  },
  {
    name: "products",
    comment: "What the shop sells.",
    schema: schema([
      ["product_id", "int", true, "Unique product number"],
      ["sku", "string", false, "Stock keeping unit"],
      ["name", "string", false, "Product name"],
      ["category", "string", false, "Product category"],
      ["unit_price", "decimal(10,2)", false, "List price in EUR"],
      ["active", "boolean", false, "Still on sale"],
    ]),
    partitionBy: [],
  },
  {
    name: "orders",
    comment: "One row per order, partitioned by month of the order date.",
    schema: schema([
      ["order_id", "long", true, "Unique order number"],
      ["customer_id", "long", false, "Who ordered (customers.customer_id)"],
      ["order_date", "date", false, "Day the order was placed"],
      ["status", "string", false, "processing, shipped, delivered, cancelled or returned"],
      ["channel", "string", false, "web, mobile, store or partner"],
      ["total_amount", "decimal(12,2)", false, "Order total after discounts, EUR"],
    ]),
    partitionBy: [{ column: "order_date", transform: "month" }],
  },
  {
    name: "order_lines",
    comment: "One row per product in an order, partitioned by month of the order date.",
    schema: schema([
      ["order_id", "long", true, "The order (orders.order_id)"],
      ["line_number", "int", true, "Position within the order"],
      ["product_id", "int", false, "What was bought (products.product_id)"],
      ["quantity", "int", false, "How many"],
      ["unit_price", "decimal(10,2)", false, "Price paid per unit, EUR"],
      ["discount", "decimal(4,2)", false, "Fraction taken off, 0 to 1"],
      ["order_date", "date", false, "Day the order was placed"],
    ]),
    partitionBy: [{ column: "order_date", transform: "month" }],
  },
];
