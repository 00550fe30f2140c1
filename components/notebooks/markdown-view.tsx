"use client";

import { Fragment, type ReactNode } from "react";

/**
 * A small, safe Markdown renderer: headings, paragraphs, lists, code blocks, quotes, and
 * inline bold, italic, code and links (http, https and relative only). Built as React
 * elements — never HTML strings — so nothing in a cell can inject markup.
 */
export function MarkdownView({ source }: { source: string }) {
  return <div className="markdown">{blocks(source)}</div>;
}

function blocks(source: string): ReactNode[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const out: ReactNode[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    const key = `b${i}`;
    if (line.startsWith("```")) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
      const stop = end < 0 ? lines.length : end;
      out.push(<pre key={key}>{lines.slice(i + 1, stop).join("\n")}</pre>);
      i = stop + 1;
    } else if (/^#{1,6}\s/.test(line)) {
      const level = Math.min(6, line.match(/^#+/)?.[0].length ?? 1);
      const Tag = `h${Math.min(level + 1, 6)}` as "h2";
      out.push(<Tag key={key}>{inline(line.replace(/^#+\s*/, ""))}</Tag>);
      i += 1;
    } else if (/^\s*([-*+]|\d+\.)\s/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*+]|\d+\.)\s/.test(lines[i])) items.push(lines[i++].replace(/^\s*([-*+]|\d+\.)\s/, ""));
      const List = ordered ? "ol" : "ul";
      out.push(
        <List key={key}>
          {items.map((item, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their place
            <li key={j}>{inline(item)}</li>
          ))}
        </List>,
      );
    } else if (line.startsWith(">")) {
      const quoted: string[] = [];
      while (i < lines.length && lines[i].startsWith(">")) quoted.push(lines[i++].replace(/^>\s?/, ""));
      out.push(<blockquote key={key}>{inline(quoted.join(" "))}</blockquote>);
    } else if (line.trim() === "") {
      i += 1;
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i].trim() !== "" && !/^(#{1,6}\s|```|>|\s*([-*+]|\d+\.)\s)/.test(lines[i])) para.push(lines[i++]);
      out.push(<p key={key}>{inline(para.join(" "))}</p>);
    }
  }
  return out;
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*]+\*|_[^_]+_)|(\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    const [token] = match;
    if (match[1]) parts.push(<code key={at}>{token.slice(1, -1)}</code>);
    else if (match[2]) parts.push(<strong key={at}>{token.slice(2, -2)}</strong>);
    else if (match[3]) parts.push(<em key={at}>{token.slice(1, -1)}</em>);
    else parts.push(link(token, at));
    last = at + token.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}

function link(token: string, key: number): ReactNode {
  const [, label, href] = token.match(/^\[([^\]]+)\]\(([^)\s]+)\)$/) ?? [];
  if (!/^(https?:\/\/|\/(?!\/)|#)/.test(href ?? "")) return label;
  return (
    <a key={key} href={href} target={href.startsWith("http") ? "_blank" : undefined} rel="noreferrer noopener">
      {label}
    </a>
  );
}
