// Lints Cypher statements with Neo4j's own parser (@neo4j-cypher/language-support).
// stdin: {"statements": ["...", ...], "parameters": {"rows": [], ...}}
// stdout: [{"statement": i, "diagnostics": [{"severity", "message", "start", "end"}]}, ...]
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const input = JSON.parse(readFileSync(0, 'utf8'));
const schema = { parameters: input.parameters ?? {} };
const out = input.statements.map((statement, i) => ({
  statement: i,
  diagnostics: lintCypherQuery(statement, schema, { consoleCommandsEnabled: false }).diagnostics.map((d) => ({
    severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
    message: d.message,
    start: d.offsets.start,
    end: d.offsets.end,
  })),
}));
process.stdout.write(JSON.stringify(out));
