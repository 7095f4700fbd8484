import { Chart } from '../charts/setup';
import { chartPixelRatio } from './stage';

/**
 * Makes every chart of this window draw with enough canvas pixels for the stage's scale (see
 * chartPixelRatio), and re-draws the charts already on screen. Null restores Chart.js's default.
 */
export function setChartPixelRatio(stageScale: number | null): void {
	const ratio = stageScale === null ? 0 : chartPixelRatio(window.devicePixelRatio, stageScale);
	// 0 makes Chart.js fall back to window.devicePixelRatio.
	Chart.defaults.devicePixelRatio = ratio;
	for (const chart of Object.values(Chart.instances)) {
		chart.options.devicePixelRatio = ratio;
		chart.resize();
	}
}

/** F: full screen on, or off again. */
export function toggleFullscreen(): void {
	if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
	else document.documentElement.requestFullscreen().catch(() => {});
}
