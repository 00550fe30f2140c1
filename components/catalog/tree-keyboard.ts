/**
 * Keyboard navigation of the catalog tree, after the WAI-ARIA tree pattern: ↑/↓ move,
 * → opens or enters, ← closes or goes to the parent, Home/End, Enter opens the page,
 * typing jumps to the next item whose name starts with what was typed. Works on the
 * rendered items: children of a closed node are not rendered, so DOM order is visual order.
 */
import type { KeyboardEvent } from "react";

export interface TreeKeyOps {
  toggle: (key: string, open: boolean) => void;
}

const TYPE_AHEAD_RESET_MS = 700;

export function createTreeKeyHandler(ops: TreeKeyOps) {
  let typed = "";
  let typedAt = 0;
  return (event: KeyboardEvent<HTMLElement>) => {
    const tree = event.currentTarget;
    const items = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')];
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    const index = current ? items.indexOf(current) : -1;
    if (!current || index < 0) return;
    const focus = (i: number) => items[Math.max(0, Math.min(items.length - 1, i))]?.focus();
    const level = Number(current.getAttribute("aria-level"));
    const key = current.dataset.key ?? "";
    const expanded = current.getAttribute("aria-expanded");
    // Any other key ends a type-ahead word.
    if (event.key.length !== 1) typed = "";
    switch (event.key) {
      case "ArrowDown":
        focus(index + 1);
        break;
      case "ArrowUp":
        focus(index - 1);
        break;
      case "Home":
        focus(0);
        break;
      case "End":
        focus(items.length - 1);
        break;
      case "ArrowRight":
        if (expanded === "false") ops.toggle(key, true);
        else if (expanded === "true" && Number(items[index + 1]?.getAttribute("aria-level")) === level + 1) focus(index + 1);
        break;
      case "ArrowLeft":
        if (expanded === "true") ops.toggle(key, false);
        else focus(items.findLastIndex((item, i) => i < index && Number(item.getAttribute("aria-level")) === level - 1));
        break;
      case "Enter":
        current.querySelector<HTMLElement>("[data-activate]")?.click();
        break;
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey || event.key === " ") return;
        const now = Date.now();
        typed = now - typedAt > TYPE_AHEAD_RESET_MS ? event.key.toLowerCase() : typed + event.key.toLowerCase();
        typedAt = now;
        const match = findByPrefix(items, index, typed);
        if (match >= 0) focus(match);
        break;
      }
    }
    event.preventDefault();
  };
}

/** The next item (after `from`, wrapping; `from` itself too when the prefix grew) whose label starts with `prefix`. */
function findByPrefix(items: HTMLElement[], from: number, prefix: string): number {
  const start = prefix.length > 1 ? from : from + 1;
  for (let step = 0; step < items.length; step++) {
    const i = (start + step) % items.length;
    if ((items[i].dataset.label ?? "").toLowerCase().startsWith(prefix)) return i;
  }
  return -1;
}
