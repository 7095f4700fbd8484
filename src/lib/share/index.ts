/**
 * share — publishing: builds the aggregated cube in the browser (group-bys with n per cell),
 * applies small-cell and secondary suppression, encodes it as Arrow IPC and calls the publish API;
 * turns a stored cube back into what the stakeholder view draws. Must never send row-level data.
 */
export {
	buildCube,
	collectCells,
	suppressCells,
	cellId,
	publishFilters,
	hasPublishFilter,
	viewFilters,
	type Cube,
	type CubeOptions
} from './cube';
export { suppress, type Margin, type Suppression } from './suppress';
export { encodeCube, decodeCube, PayloadError } from './payload';
export {
	CUBE_COLUMNS,
	CUBE_VIEWS,
	MIN_K,
	type CubeCell,
	type CubeFilters,
	type CubeMeta,
	type CubeView
} from './schema';
export { publishCube, listShares, revokeShare, type PublishedShare, type ShareListEntry } from './client';
