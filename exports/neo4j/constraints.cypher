CREATE CONSTRAINT claimgraph_entity_id IF NOT EXISTS FOR (e:`Entity`) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT claimgraph_document_id IF NOT EXISTS FOR (d:`Document`) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT claimgraph_claim_id IF NOT EXISTS FOR (c:`Claim`) REQUIRE c.id IS UNIQUE;
