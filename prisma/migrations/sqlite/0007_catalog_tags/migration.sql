-- CreateTable
CREATE TABLE "TagKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameLower" TEXT NOT NULL,
    "description" TEXT,
    "allowedValues" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TagAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "keyId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "valueLower" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "catalogId" TEXT,
    "namespaceId" TEXT,
    "tableId" TEXT,
    "fieldId" INTEGER,
    "columnName" TEXT,
    "objectKey" TEXT NOT NULL,
    "assignedBy" TEXT NOT NULL,
    "assignedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TagAssignment_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "TagKey" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TagAssignment_catalogId_fkey" FOREIGN KEY ("catalogId") REFERENCES "Catalog" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TagAssignment_namespaceId_fkey" FOREIGN KEY ("namespaceId") REFERENCES "Namespace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TagAssignment_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "CatalogTable" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "TagKey_nameLower_key" ON "TagKey"("nameLower");

-- CreateIndex
CREATE INDEX "TagAssignment_keyId_valueLower_idx" ON "TagAssignment"("keyId", "valueLower");

-- CreateIndex
CREATE INDEX "TagAssignment_catalogId_idx" ON "TagAssignment"("catalogId");

-- CreateIndex
CREATE INDEX "TagAssignment_namespaceId_idx" ON "TagAssignment"("namespaceId");

-- CreateIndex
CREATE INDEX "TagAssignment_tableId_idx" ON "TagAssignment"("tableId");

-- CreateIndex
CREATE UNIQUE INDEX "TagAssignment_objectKey_keyId_key" ON "TagAssignment"("objectKey", "keyId");

