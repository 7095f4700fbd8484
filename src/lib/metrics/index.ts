/**
 * metrics — SQL builders for attainment, trajectory, participation and feedback (DESIGN.md §5),
 * each with typed result rows; filter state → parameterised WHERE clauses. With a coordinator,
 * attainment and the overview are computed in memory from held columns instead (slice.ts), to the
 * same rows. Both read the actual rows through totals.ts, which derives missing totals from
 * breakdown rows (one rule, one statement). Knows the canonical tables and the engine; never
 * renders and never splices a user value into SQL text.
 */
export * from './status';
export * from './attainment';
export * from './overview';
export * from './filters';
export * from './trajectory';
export * from './breakdown';
export * from './participation';
export * from './feedback';
export * from './options';
export * from './sources';
export * from './totals';
