import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { parseTheme, THEME_COOKIE } from "@/components/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tarn", template: "%s · Tarn" },
  description: "An open, self-hosted lakehouse studio over Apache Iceberg tables.",
};

// "system" follows the OS; this runs before paint so the page never flashes the wrong theme.
const SYSTEM_THEME_SCRIPT = `(function(){var d=document.documentElement;if(d.dataset.theme==="system"){d.dataset.theme=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";}})();`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme} suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, no user input */}
        <script dangerouslySetInnerHTML={{ __html: SYSTEM_THEME_SCRIPT }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
