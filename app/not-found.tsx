import Link from "next/link";

export default function NotFound() {
  return (
    <div className="signin-wrap">
      <div className="panel error-state" role="alert">
        <h1>Page not found</h1>
        <p className="muted" style={{ margin: 0 }}>
          There is nothing at this address, or you may not see it.
        </p>
        <Link href="/" className="button">
          Back to the studio
        </Link>
      </div>
    </div>
  );
}
