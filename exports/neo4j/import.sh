#!/bin/sh
# Bulk import into an empty Neo4j 5 database with neo4j-admin (the server
# must be stopped). Run from this folder; DATABASE defaults to "neo4j".
# Evidence sentences are written on one line, so no --multiline-fields is needed.
set -eu
DATABASE="${1:-neo4j}"
neo4j-admin database import full "$DATABASE" \
  --overwrite-destination=true \
  --array-delimiter=";" \
  --nodes=Entity=entities.csv \
  --nodes=Document=documents.csv \
  --relationships=claims.csv \
  --relationships=mentioned_in.csv
