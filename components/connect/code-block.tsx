import { CopyButton } from "@/components/ui/copy-button";

/** A block of text to paste elsewhere, with a copy button. */
export function CodeBlock({ title, text, label }: { title: string; text: string; label?: string }) {
  return (
    <figure className="code-block" style={{ margin: 0 }} aria-label={label ?? title}>
      <figcaption className="muted" style={{ marginBottom: 4 }}>
        {title}
      </figcaption>
      <pre>
        <code>{text}</code>
      </pre>
      <span className="copy">
        <CopyButton value={text} what={label ?? title} />
      </span>
    </figure>
  );
}
