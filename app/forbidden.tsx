import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="signin-wrap">
      <div className="panel error-state" role="alert">
        <h1>You do not have access to this page</h1>
        <p className="muted" style={{ margin: 0 }}>
          Your role does not include it. Ask an administrator if you need it.
        </p>
        <Link href="/" className="button">
          Back to the studio
        </Link>
      </div>
    </div>
  );
}
