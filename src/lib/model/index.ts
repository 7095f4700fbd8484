/**
 * model — the canonical data model of DESIGN.md §3 as plain data: tables, columns, header synonyms
 * and value vocabularies (gender, age groups, roles). No I/O here: ingest and metrics read these
 * definitions, so the same word means the same thing in SQL, TypeScript and the UI.
 */
export * from './tables';
export * from './vocabulary';
export * from './headers';
