#!/bin/sh
# Stands in for Prisma native engines, which Tarn never uses (see scripts/prisma-env.ts).
echo "Tarn uses Prisma without native engines" >&2
exit 1
