/**
 * Whether a page runs the tab's engine, so the layout starts it before the page's own code asks.
 * Not: shared views (/s/…, server-rendered, no app code), the presentation window (/present asks
 * an analyst tab first and starts one only when none answers) and the diagnostics (they measure a
 * bare engine of their own).
 */
export function needsEngine(pathname: string): boolean {
	if (pathname.startsWith('/s/') || pathname === '/present' || pathname === '/present/') return false;
	return !(pathname === '/diagnostics' || pathname.startsWith('/diagnostics/'));
}
