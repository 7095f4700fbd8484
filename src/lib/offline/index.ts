/**
 * offline — what the service worker (src/service-worker.ts) keeps so the app, and a presentation,
 * work without a network once loaded: cache names, per-request strategy, the engine bundle to keep.
 * It must not cache shared views or API answers (they can be revoked), nor both 35 MB engine bundles.
 */
export * from './policy';
export { keepForOffline } from './client';
