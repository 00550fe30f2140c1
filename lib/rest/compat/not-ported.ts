/**
 * The scenarios of Iceberg's REST compatibility kit (Java's `CatalogTests` and
 * `ViewCatalogTests`, names in ../shared/iceberg/expected/rest-compat-kit-test-names.txt)
 * that are not ported to Tarn, each with the reason. Every other name is a test of the
 * same name in catalog-tests.int.test.ts or view-catalog-tests.int.test.ts; kit.test.ts
 * checks that the two lists cover the kit exactly.
 */
const EMPTY_NAMESPACE = "Tarn has no empty (zero-level) namespace: every table and view lives in a namespace of at least one level, so Java runs this only for catalogs with supportsEmptyNamespace(), which Tarn is not";

export const NOT_PORTED: Readonly<Record<string, string>> = {
  listNamespacesWithEmptyNamespace: EMPTY_NAMESPACE,
  createAndDropEmptyNamespace: EMPTY_NAMESPACE,
  namespacePropertiesOnEmptyNamespace: EMPTY_NAMESPACE,
  listTablesInEmptyNamespace: EMPTY_NAMESPACE,
  listViewsInEmptyNamespace: EMPTY_NAMESPACE,
  createViewWithCustomMetadataLocation:
    "Tarn writes a view's metadata files in the view's own folder and ignores write.metadata.path, so that dropping with purge can remove every file it wrote; honouring the property is lib/catalog's to decide",
  testSqlForInvalidArguments:
    "Checks the arguments of the Java client's View.sqlFor(null) and sqlFor(\"\"): a client-side API with no request behind it",
};
