import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/auth";

// next-auth's own endpoints (sign-in, sign-out, session, CSRF, OIDC callback). Public by nature.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
