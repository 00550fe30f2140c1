import { readFileSync } from "node:fs";
import { readManifest } from "./lib/iceberg/manifest/read-manifest";
import { readManifestList } from "./lib/iceberg/manifest/read-manifest-list";
import { walkFiles, fixturePath } from "./lib/iceberg/manifest/testing/fixtures";
const files = [...walkFiles(fixturePath("tables"), n => n.endsWith(".avro")), ...walkFiles(fixturePath("metadata/iceberg-rust"), n => n.endsWith(".avro"))];
let ok = 0;
for (const f of files) {
  const bytes = readFileSync(f);
  const isList = /snap-|manifest-list|manifest_list|manifests_lists/.test(f);
  try {
    if (isList) { const l = readManifestList(bytes, 2); ok++; if (process.argv[2]) console.log(f.slice(25), l.manifests.length, JSON.stringify(l.manifests[0], (k,v)=> typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v).slice(0,300)); }
    else { const m = readManifest(bytes); ok++; if (process.argv[2]) console.log(f.slice(25), m.metadata.formatVersion, m.metadata.content, JSON.stringify(m.metadata.partitionType), m.entries.length, m.entries[0]?.status, m.entries[0]?.dataFile.filePath?.slice(-40), [...(m.entries[0]?.dataFile.partition ?? [])].map(([k,v]) => `${k}=${v instanceof Uint8Array ? Buffer.from(v).toString("hex") : String(v)}`).join(",")); }
  } catch (e) { console.log("FAIL", f, (e as Error).message); }
}
console.log(ok, "/", files.length);
