// Slides live in this browser's storage and engine: nothing to render on the server.
export const ssr = false;
