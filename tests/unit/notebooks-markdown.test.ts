import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownView } from "@/components/notebooks/markdown-view";

const html = (source: string) => renderToStaticMarkup(createElement(MarkdownView, { source }));

describe("MarkdownView", () => {
  it.each([
    ["# Title", "<h2>Title</h2>"],
    ["### Small", "<h4>Small</h4>"],
    ["a **bold** and *em* and `code`", "<p>a <strong>bold</strong> and <em>em</em> and <code>code</code></p>"],
    ["- one\n- two", "<ul><li>one</li><li>two</li></ul>"],
    ["1. one\n2. two", "<ol><li>one</li><li>two</li></ol>"],
    ["> quoted", "<blockquote>quoted</blockquote>"],
    ["```\nSELECT 1\n```", "<pre>SELECT 1</pre>"],
    ["[docs](/catalog)", '<p><a href="/catalog" rel="noreferrer noopener">docs</a></p>'],
  ])("%j", (source, expected) => {
    expect(html(source)).toBe(`<div class="markdown">${expected}</div>`);
  });

  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;"],
    ['<img src=x onerror="alert(1)">', "&lt;img"],
    ["[x](javascript:alert(1))", "<p>x"],
    ["[x](//evil.example/path)", "<p>x</p>"],
    ["[x](data:text/html,hi)", "<p>x</p>"],
  ])("never lets markup or script links through: %j", (source, expected) => {
    const out = html(source);
    expect(out).toContain(expected);
    expect(out).not.toMatch(/<script|<img|href="(javascript|data|\/\/)/);
  });

  it("opens web links in a new tab without an opener", () => {
    expect(html("[site](https://example.com)")).toContain('<a href="https://example.com" target="_blank" rel="noreferrer noopener">site</a>');
  });
});
