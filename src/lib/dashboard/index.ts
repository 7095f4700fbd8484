/**
 * dashboard — what the dashboard pages share: the filter bar and the links that carry filters and
 * language from page to page (the URL is the filter state; address.svelte.ts writes it). Renders and navigates; queries nothing
 * itself (options come from metrics) and holds no chart logic.
 */
export { address } from './address.svelte';
export { default as FilterBar } from './FilterBar.svelte';
export { default as Dashboard } from './Dashboard.svelte';
export { filterHref, languageHref, withoutFilters } from './links';
export { default as OverviewTiles } from './OverviewTiles.svelte';
export { default as PageHeader } from './PageHeader.svelte';
