"use client";

import { ErrorState } from "@/components/shell/error-state";

export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 24 }}>
        <ErrorState {...props} />
      </body>
    </html>
  );
}
