"use client";

import { useState } from "react";
import type { ParameterValue } from "./types";

type Kind = "text" | "number" | "boolean";

/**
 * One input per `:name` placeholder used in the notebook's SQL cells. The values are sent
 * with every run and bound by the engine — never spliced into the SQL text.
 */
export function ParameterBar({ names, values, readOnly, onChange }: { names: string[]; values: Record<string, ParameterValue>; readOnly: boolean; onChange: (name: string, value: ParameterValue) => void }) {
  if (names.length === 0) return null;
  return (
    <fieldset className="param-list" aria-label="Parameters" style={{ border: 0, padding: 0, margin: 0 }}>
      {names.map((name) => (
        <ParameterInput key={name} name={name} value={values[name] ?? null} readOnly={readOnly} onChange={(value) => onChange(name, value)} />
      ))}
    </fieldset>
  );
}

function ParameterInput({ name, value, readOnly, onChange }: { name: string; value: ParameterValue; readOnly: boolean; onChange: (value: ParameterValue) => void }) {
  const [kind, setKind] = useState<Kind>(typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "text");
  const [text, setText] = useState(value === null ? "" : String(value));
  const update = (nextKind: Kind, nextText: string) => {
    setKind(nextKind);
    setText(nextText);
    onChange(toValue(nextKind, nextText));
  };
  return (
    <div className="param">
      <div className="stack" style={{ gap: 2 }}>
        <code>:{name}</code>
        {kind === "boolean" ? (
          <select aria-label={`Value of :${name}`} value={text === "true" ? "true" : "false"} disabled={readOnly} onChange={(e) => update(kind, e.target.value)}>
            <option value="true">true</option>
            <option value="false">false</option>
          </select>
        ) : (
          <input
            aria-label={`Value of :${name}`}
            type={kind === "number" ? "number" : "text"}
            value={text}
            placeholder="NULL"
            readOnly={readOnly}
            onChange={(e) => update(kind, e.target.value)}
          />
        )}
      </div>
      <select aria-label={`Type of :${name}`} value={kind} disabled={readOnly} onChange={(e) => update(e.target.value as Kind, e.target.value === "boolean" ? "false" : text)}>
        <option value="text">text</option>
        <option value="number">number</option>
        <option value="boolean">boolean</option>
      </select>
    </div>
  );
}

/** An empty input is NULL; a number that does not parse is NULL too (the input shows why). */
export function toValue(kind: Kind, text: string): ParameterValue {
  if (kind === "boolean") return text === "true";
  if (text === "") return null;
  if (kind === "number") {
    const n = Number(text);
    return Number.isFinite(n) ? n : null;
  }
  return text;
}
