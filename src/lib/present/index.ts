/**
 * present — presentation decks of catalogued views (src/lib/views), slide navigation by keyboard and
 * clicker, and the live sync between analyst, audience and speaker windows (BroadcastChannel). It
 * must not own data: slides hold view ids and filters, and their rows come from a workspace's engine.
 */
export * from './deck';
export * from './describe';
export * from './keys';
export * from './stage';
export * from './sync';
export * from './timer';
export * from './validate';
export { decks } from './store.svelte';
export { default as AddToDeck } from './AddToDeck.svelte';
export { default as DeckEditor } from './DeckEditor.svelte';
export { default as LiveSource } from './LiveSource.svelte';
export { default as PresentScreen } from './PresentScreen.svelte';
export { default as SpeakerScreen } from './SpeakerScreen.svelte';
