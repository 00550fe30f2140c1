"use client";

import { ErrorState } from "@/components/shell/error-state";

export default function StudioError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} />;
}
