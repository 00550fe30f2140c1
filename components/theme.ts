/** Theme choice, stored in a cookie so the server renders the right colours on first paint. */
export const THEME_COOKIE = "tarn-theme";
export type ThemeChoice = "light" | "dark" | "system";

export function parseTheme(value: string | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}
