// claimgraph: incremental, idempotent load into Neo4j 5 (MERGE on stable ids).
// Every UNWIND statement takes $rows from the JSON file named in the comment above it
// (params/<name>.json holds {"rows": [...]}). cypher-shell cannot bind a parameter from
// a JSON file, so run this script with claimgraph's driver-based loader:
//     claimgraph push <this folder> --uri neo4j://HOST:7687 --user neo4j
// (password from $NEO4J_PASSWORD). See the README, section Neo4j.

CREATE CONSTRAINT claimgraph_entity_id IF NOT EXISTS FOR (e:`Entity`) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT claimgraph_document_id IF NOT EXISTS FOR (d:`Document`) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT claimgraph_claim_id IF NOT EXISTS FOR (c:`Claim`) REQUIRE c.id IS UNIQUE;

// params/documents.json
UNWIND $rows AS row MERGE (d:`Document` {id: row.id}) SET d += row.properties;

// params/entities_State.json
UNWIND $rows AS row MERGE (e:`Entity` {id: row.id}) SET e += row.properties, e:`State` FOREACH (_ IN CASE WHEN row.lat IS NULL THEN [] ELSE [1] END | SET e.location = point({latitude: row.lat, longitude: row.lon}));

// params/entities_ArmedGroup.json
UNWIND $rows AS row MERGE (e:`Entity` {id: row.id}) SET e += row.properties, e:`ArmedGroup` FOREACH (_ IN CASE WHEN row.lat IS NULL THEN [] ELSE [1] END | SET e.location = point({latitude: row.lat, longitude: row.lon}));

// params/entities_Government.json
UNWIND $rows AS row MERGE (e:`Entity` {id: row.id}) SET e += row.properties, e:`Government` FOREACH (_ IN CASE WHEN row.lat IS NULL THEN [] ELSE [1] END | SET e.location = point({latitude: row.lat, longitude: row.lon}));

// params/entities_SecurityForce.json
UNWIND $rows AS row MERGE (e:`Entity` {id: row.id}) SET e += row.properties, e:`SecurityForce` FOREACH (_ IN CASE WHEN row.lat IS NULL THEN [] ELSE [1] END | SET e.location = point({latitude: row.lat, longitude: row.lon}));

// params/entities_Organization.json
UNWIND $rows AS row MERGE (e:`Entity` {id: row.id}) SET e += row.properties, e:`Organization` FOREACH (_ IN CASE WHEN row.lat IS NULL THEN [] ELSE [1] END | SET e.location = point({latitude: row.lat, longitude: row.lon}));

// params/entities_Person.json
UNWIND $rows AS row MERGE (e:`Entity` {id: row.id}) SET e += row.properties, e:`Person` FOREACH (_ IN CASE WHEN row.lat IS NULL THEN [] ELSE [1] END | SET e.location = point({latitude: row.lat, longitude: row.lon}));

// params/entities_Place.json
UNWIND $rows AS row MERGE (e:`Entity` {id: row.id}) SET e += row.properties, e:`Place` FOREACH (_ IN CASE WHEN row.lat IS NULL THEN [] ELSE [1] END | SET e.location = point({latitude: row.lat, longitude: row.lon}));

// params/entities_Event.json
UNWIND $rows AS row MERGE (e:`Entity` {id: row.id}) SET e += row.properties, e:`Event` FOREACH (_ IN CASE WHEN row.lat IS NULL THEN [] ELSE [1] END | SET e.location = point({latitude: row.lat, longitude: row.lon}));

// params/claims_supports.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`SUPPORTS` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_attacks.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`ATTACKS` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_carriedOut.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`CARRIED_OUT` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_alliedWith.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`ALLIED_WITH` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_opposes.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`OPPOSES` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_accuses.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`ACCUSES` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_memberOf.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`MEMBER_OF` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_leads.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`LEADS` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_spokespersonOf.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`SPOKESPERSON_OF` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_operatesIn.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`OPERATES_IN` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_controls.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`CONTROLS` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_mediates.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`MEDIATES` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_locatedIn.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`LOCATED_IN` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_threatens.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`THREATENS` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_kills.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`KILLS` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claims_releases.json
UNWIND $rows AS row MATCH (s:`Entity` {id: row.subject}) MATCH (o:`Entity` {id: row.object}) MERGE (s)-[r:`RELEASES` {claim_id: row.claim_id}]->(o) SET r += row.properties, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/mentioned_in.json
UNWIND $rows AS row MATCH (e:`Entity` {id: row.entity}) MATCH (d:`Document` {id: row.document}) MERGE (e)-[m:`MENTIONED_IN`]->(d) SET m += row.properties;

// params/claim_nodes.json
UNWIND $rows AS row MERGE (c:`Claim` {id: row.claim_id}) SET c += row.properties, c.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, c.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END;

// params/claim_subject.json
UNWIND $rows AS row MATCH (c:`Claim` {id: row.claim}) MATCH (e:`Entity` {id: row.entity}) MERGE (c)-[:`SUBJECT`]->(e);

// params/claim_object.json
UNWIND $rows AS row MATCH (c:`Claim` {id: row.claim}) MATCH (e:`Entity` {id: row.entity}) MERGE (c)-[:`OBJECT`]->(e);

// params/claim_source.json
UNWIND $rows AS row MATCH (c:`Claim` {id: row.claim}) MATCH (e:`Entity` {id: row.entity}) MERGE (c)-[:`ATTRIBUTED_TO`]->(e);

// params/claim_place.json
UNWIND $rows AS row MATCH (c:`Claim` {id: row.claim}) MATCH (e:`Entity` {id: row.entity}) MERGE (c)-[:`PLACE`]->(e);

// params/claim_document.json
UNWIND $rows AS row MATCH (c:`Claim` {id: row.claim}) MATCH (d:`Document` {id: row.document}) MERGE (c)-[:`STATED_IN`]->(d);
