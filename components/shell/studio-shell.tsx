import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks, type NavItem } from "./nav-links";
import { UserMenu, type MenuUser } from "./user-menu";

export function StudioShell({ nav, user, children }: { nav: NavItem[]; user: MenuUser; children: ReactNode }) {
  return (
    <div className="shell">
      <aside className="sidebar" aria-label="Studio navigation">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden /> Tarn
        </Link>
        <NavLinks items={nav} />
      </aside>
      <div className="main">
        <header className="topbar">
          <UserMenu user={user} />
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
