-- DropIndex
DROP INDEX "Namespace_catalogId_path_key";

-- DropIndex
DROP INDEX "CatalogTable_namespaceId_name_key";

-- AlterTable
ALTER TABLE "Catalog" ADD COLUMN     "connectionSecret" TEXT;

-- AlterTable
ALTER TABLE "Namespace" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "purgeAfter" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CatalogTable" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "format" TEXT,
ADD COLUMN     "options" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "purgeAfter" TIMESTAMP(3),
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_scope_key_key" ON "IdempotencyRecord"("scope", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Namespace_catalogId_path_deletedKey_key" ON "Namespace"("catalogId", "path", "deletedKey");

-- CreateIndex
CREATE INDEX "CatalogTable_deletedAt_idx" ON "CatalogTable"("deletedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogTable_namespaceId_name_deletedKey_key" ON "CatalogTable"("namespaceId", "name", "deletedKey");

