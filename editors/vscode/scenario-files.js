"use strict";
// Which documents are Cekura scenario files by their name or their `$schema` line. The extension starts
// cekura-lsp when one is opened; from then on every JSON document goes to the server, which also knows
// files by their shape (protocol-notes/file-kinds.md). No `vscode` import, so node can test it alone.

const NAMES = [/(^|\/)cekura\.tests\.json$/, /\.scenario\.json$/, /\.evaluator\.json$/, /\.cekura\.json$/];
// Cekura's test-suite schema (published, any version, or a local copy) and the API's schema endpoints.
const SCHEMAS = /test-suite\/v\d+\.json|test-suite-v\d+\.schema\.json|\/scenarios\/json_schema\/|\/scenarios-external\/json_schema\//;
const SCHEMA_MEMBER = /"\$schema"\s*:\s*"([^"]*)"/;
const HEAD = 4000;

function hasScenarioName(path) {
  return NAMES.some((name) => name.test(path));
}

function namesSuiteSchema(text) {
  const member = SCHEMA_MEMBER.exec(text.slice(0, HEAD));
  return member !== null && SCHEMAS.test(member[1]);
}

module.exports = { hasScenarioName, namesSuiteSchema };
