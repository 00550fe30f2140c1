/** An honest placeholder: who may do what on this table comes with the permissions issue. */
export function PermissionsTab() {
  return (
    <div className="notice" role="status">
      <strong>Not built yet.</strong> Grants on this table — who may read which columns and rows, and why — arrive with the permissions
      work. Until then, access follows roles: everyone may browse and read, stewards and admins may drop.
    </div>
  );
}
