#!/bin/sh
# Bulk import into a new, empty Neo4j 5 database with neo4j-admin; the
# database must not be running (see "Full import" in the Neo4j manual).
# Run from this folder:  sh import.sh [DATABASE]   (default: neo4j)
# Empty fields mean "no property" (--ignore-empty-strings). Every value is
# written on one line, so no --multiline-fields is needed. Then start the
# database and create the uniqueness constraints on the ids:
#   cypher-shell -d "$DATABASE" -f constraints.cypher
set -eu
DATABASE="${1:-neo4j}"
neo4j-admin database import full \
  --overwrite-destination=true \
  --array-delimiter=";" \
  --ignore-empty-strings=true \
  --nodes=entities.csv \
  --nodes=documents.csv \
  --relationships=claims.csv \
  --relationships=mentioned_in.csv \
  --nodes=claim_nodes.csv \
  --relationships=claim_links.csv \
  --relationships=claim_documents.csv \
  "$DATABASE"
