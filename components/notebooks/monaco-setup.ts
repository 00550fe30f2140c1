/**
 * Monaco from the installed package — never a CDN: the editor worker is bundled from
 * node_modules and @monaco-editor/react is told to use this copy. Imported only in the
 * browser (the editor component is loaded with ssr: false).
 */
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { registerSqlLanguage } from "./sql-language";

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

let ready = false;

export function setupMonaco(): typeof monaco {
  if (ready) return monaco;
  ready = true;
  window.MonacoEnvironment = {
    getWorker: () => new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), { type: "module" }),
  };
  loader.config({ monaco });
  registerSqlLanguage(monaco);
  return monaco;
}
