"use client";

import Editor from "@monaco-editor/react";
import type * as Monaco from "monaco-editor";
import { useEffect, useRef } from "react";
import { setupMonaco } from "./monaco-setup";
import { type EditorSource, registerEditorSource } from "./sql-language";
import { useDarkTheme } from "./use-dark-theme";

const monaco = setupMonaco();

export interface EditorMarker {
  /** Offset in the editor's text. */
  offset: number;
  message: string;
}

export interface SqlEditorHandle {
  focus(): void;
  format(): void;
  value(): string;
}

export interface SqlEditorProps {
  cellId: string;
  defaultValue: string;
  readOnly: boolean;
  label: string;
  source: EditorSource;
  marker: EditorMarker | null;
  onChange(value: string): void;
  /** The selection if there is one, else the whole text; `start` is its offset. */
  onRun(text: string, start: number, advance: boolean): void;
  onReady(handle: SqlEditorHandle): void;
}

const MIN_HEIGHT = 76;
const MAX_HEIGHT = 560;

/** Monaco for one SQL cell: grows with its content, Ctrl/Cmd+Enter runs, Shift+Enter runs and moves on. */
export default function SqlEditorImpl(props: SqlEditorProps) {
  const dark = useDarkTheme();
  const box = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => registerEditorSource(`inmemory://cells/${props.cellId}.sql`, { context: () => latest.current.source.context(), children: (p) => latest.current.source.children(p), columns: (t) => latest.current.source.columns(t) }), [props.cellId]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const marker = props.marker;
    if (!marker) {
      monaco.editor.setModelMarkers(model, "tarn", []);
      return;
    }
    const at = model.getPositionAt(marker.offset);
    const word = model.getWordAtPosition(at);
    const endColumn = word && word.endColumn > at.column ? word.endColumn : at.column + 1;
    monaco.editor.setModelMarkers(model, "tarn", [{ severity: monaco.MarkerSeverity.Error, message: marker.message, startLineNumber: at.lineNumber, startColumn: at.column, endLineNumber: at.lineNumber, endColumn }]);
  }, [props.marker]);

  function onMount(editor: Monaco.editor.IStandaloneCodeEditor) {
    editorRef.current = editor;
    const run = (advance: boolean) => {
      const model = editor.getModel();
      const selection = editor.getSelection();
      if (!model) return;
      if (selection && !selection.isEmpty()) {
        latest.current.onRun(model.getValueInRange(selection), model.getOffsetAt(selection.getStartPosition()), advance);
      } else {
        latest.current.onRun(model.getValue(), 0, advance);
      }
    };
    editor.addAction({ id: "tarn.run", label: "Run cell (or selection)", keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter], run: () => run(false) });
    editor.addAction({ id: "tarn.runAdvance", label: "Run and go to the next cell", keybindings: [monaco.KeyMod.Shift | monaco.KeyCode.Enter], run: () => run(true) });
    const resize = () => {
      const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, editor.getContentHeight()));
      if (box.current) box.current.style.height = `${height}px`;
      editor.layout();
    };
    editor.onDidContentSizeChange(resize);
    resize();
    latest.current.onReady({ focus: () => editor.focus(), format: () => editor.getAction("editor.action.formatDocument")?.run(), value: () => editor.getValue() });
  }

  return (
    <div ref={box} className="sql-editor" style={{ height: MIN_HEIGHT }} data-testid="sql-editor">
      <Editor
        language="sql"
        path={`inmemory://cells/${props.cellId}.sql`}
        defaultValue={props.defaultValue}
        theme={dark ? "vs-dark" : "vs"}
        onChange={(value) => props.onChange(value ?? "")}
        onMount={onMount}
        loading={<span className="muted">Loading editor…</span>}
        options={{
          readOnly: props.readOnly,
          domReadOnly: props.readOnly,
          ariaLabel: props.label,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fontSize: 13,
          lineNumbersMinChars: 3,
          wordWrap: "on",
          scrollbar: { alwaysConsumeMouseWheel: false },
          fixedOverflowWidgets: true,
          quickSuggestions: { other: true, comments: false, strings: false },
          suggestOnTriggerCharacters: true,
          tabSize: 2,
          renderLineHighlight: "none",
        }}
      />
    </div>
  );
}
