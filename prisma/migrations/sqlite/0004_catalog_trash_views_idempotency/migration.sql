-- AlterTable
ALTER TABLE "Catalog" ADD COLUMN "connectionSecret" TEXT;

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Namespace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "catalogId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "parentPath" TEXT NOT NULL,
    "comment" TEXT,
    "owner" TEXT,
    "properties" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "purgeAfter" DATETIME,
    "deletedKey" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Namespace_catalogId_fkey" FOREIGN KEY ("catalogId") REFERENCES "Catalog" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Namespace" ("catalogId", "comment", "createdAt", "id", "owner", "parentPath", "path", "properties", "updatedAt") SELECT "catalogId", "comment", "createdAt", "id", "owner", "parentPath", "path", "properties", "updatedAt" FROM "Namespace";
DROP TABLE "Namespace";
ALTER TABLE "new_Namespace" RENAME TO "Namespace";
CREATE INDEX "Namespace_catalogId_parentPath_idx" ON "Namespace"("catalogId", "parentPath");
CREATE UNIQUE INDEX "Namespace_catalogId_path_deletedKey_key" ON "Namespace"("catalogId", "path", "deletedKey");
CREATE TABLE "new_CatalogTable" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "namespaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'iceberg',
    "format" TEXT,
    "options" TEXT NOT NULL DEFAULT '{}',
    "metadataLocation" TEXT,
    "previousMetadataLocation" TEXT,
    "tableUuid" TEXT,
    "location" TEXT,
    "managed" BOOLEAN NOT NULL DEFAULT true,
    "protected" BOOLEAN NOT NULL DEFAULT false,
    "comment" TEXT,
    "owner" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "purgeAfter" DATETIME,
    "deletedKey" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "CatalogTable_namespaceId_fkey" FOREIGN KEY ("namespaceId") REFERENCES "Namespace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CatalogTable" ("comment", "createdAt", "id", "kind", "location", "managed", "metadataLocation", "name", "namespaceId", "owner", "previousMetadataLocation", "protected", "tableUuid", "updatedAt") SELECT "comment", "createdAt", "id", "kind", "location", "managed", "metadataLocation", "name", "namespaceId", "owner", "previousMetadataLocation", "protected", "tableUuid", "updatedAt" FROM "CatalogTable";
DROP TABLE "CatalogTable";
ALTER TABLE "new_CatalogTable" RENAME TO "CatalogTable";
CREATE INDEX "CatalogTable_deletedAt_idx" ON "CatalogTable"("deletedAt");
CREATE UNIQUE INDEX "CatalogTable_namespaceId_name_deletedKey_key" ON "CatalogTable"("namespaceId", "name", "deletedKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_scope_key_key" ON "IdempotencyRecord"("scope", "key");

