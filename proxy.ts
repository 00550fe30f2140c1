import { type NextRequest, NextResponse } from "next/server";

// Only a convenience: a visitor with no session cookie at all goes straight to sign-in and
// comes back afterwards. Enforcement happens in every page, action and route handler.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function proxy(request: NextRequest) {
  // Server actions (POST) answer for themselves; redirecting them would hide their refusal.
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  const returnTo = `${url.pathname}${url.search}`;
  url.pathname = "/signin";
  url.search = returnTo === "/" ? "" : `?callbackUrl=${encodeURIComponent(returnTo)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: not the sign-in page, APIs (they answer 401 themselves), the Iceberg REST
  // catalog, or static assets.
  matcher: ["/((?!signin|api/|iceberg/|_next/|favicon|.*\\.[a-z0-9]+$).*)"],
};
