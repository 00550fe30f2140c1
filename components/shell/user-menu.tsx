"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { THEME_COOKIE, type ThemeChoice } from "@/components/theme";

export interface MenuUser {
  username: string;
  displayName: string | null;
  role: string;
}

export function UserMenu({ user }: { user: MenuUser }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div className="menu" ref={ref}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="user-menu">
        <span aria-hidden>●</span> {user.displayName || user.username}
        <span className="badge">{user.role}</span>
      </button>
      {open && (
        <div className="menu-panel panel" role="menu">
          <div style={{ padding: "6px 10px" }}>
            <div style={{ fontWeight: 600 }}>{user.username}</div>
            <div className="muted">Signed in as {user.role}</div>
          </div>
          <div className="menu-sep" />
          <ThemeChoices />
          <div className="menu-sep" />
          <Link className="menu-item" role="menuitem" href="/account" onClick={() => setOpen(false)}>
            Change password
          </Link>
          <button type="button" className="menu-item" role="menuitem" onClick={() => signOut({ callbackUrl: "/signin" })}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}

function ThemeChoices() {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeCookie());
  const choose = (next: ThemeChoice) => {
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser yet
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    const dark = next === "dark" || (next === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.dataset.theme = dark ? "dark" : "light";
    setChoice(next);
  };
  return (
    <fieldset style={{ border: 0, margin: 0, padding: "4px 10px" }}>
      <legend className="muted" style={{ padding: 0 }}>
        Theme
      </legend>
      <div className="row">
        {(["light", "dark", "system"] as const).map((option) => (
          <label key={option} className="row" style={{ gap: 4 }}>
            <input type="radio" name="theme" value={option} checked={choice === option} onChange={() => choose(option)} />
            {option}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function readThemeCookie(): ThemeChoice {
  if (typeof document === "undefined") return "system";
  const match = document.cookie.match(new RegExp(`(?:^|; )${THEME_COOKIE}=(light|dark|system)`));
  return (match?.[1] as ThemeChoice) ?? "system";
}
