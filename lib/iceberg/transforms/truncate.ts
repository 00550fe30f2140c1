import { type PrimitiveValue, parsePrimitive, truncateCodePoints } from "../values";

/**
 * truncate[W] (spec "Truncate Transform Details"): integers and decimals round down to a
 * multiple of W — toward −∞, so −1 → −10 for W=10 (`%` in JS keeps the sign, hence the
 * double modulo); decimals apply W to the unscaled value, i.e. in units of the type's
 * scale; strings keep W code points (never splitting a character); binary keeps W bytes.
 */
export function applyTruncate(width: number, type: string, value: PrimitiveValue): PrimitiveValue {
  switch (parsePrimitive(type).kind) {
    case "int": {
      const v = value as number;
      return v - (((v % width) + width) % width);
    }
    case "long":
    case "decimal": {
      const v = value as bigint;
      const w = BigInt(width);
      return v - (((v % w) + w) % w);
    }
    case "string":
      return truncateCodePoints(value as string, width);
    default:
      return (value as Uint8Array).slice(0, width);
  }
}
