/**
 * metrics — SQL builders for attainment, trajectory, participation and feedback (DESIGN.md §5),
 * each with typed result rows. Knows the canonical tables and the engine; never renders.
 */
export * from './status';
export * from './attainment';
export * from './overview';
export * from './filters';
