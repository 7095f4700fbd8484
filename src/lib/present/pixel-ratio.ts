import { DomPlatform } from 'chart.js';
import { Chart } from '../charts/setup';
import { chartPixelRatio } from './stage';

let measuresLayout = false;

/**
 * Makes Chart.js measure a chart's frame in layout pixels. Without a size given, Chart.js measures
 * the frame with getBoundingClientRect, which includes the slide stage's scale transform, so a chart
 * on a stage scaled ×2 would lay itself out twice too large (and clipped). clientWidth/clientHeight
 * are the untransformed size, what its ResizeObserver path reports anyway. Idempotent.
 */
export function measureChartsInLayoutPixels(): void {
	if (measuresLayout) return;
	measuresLayout = true;
	const original = DomPlatform.prototype.getMaximumSize;
	DomPlatform.prototype.getMaximumSize = function (canvas, width, height, aspectRatio) {
		const box = canvas.parentElement;
		if (width === undefined && height === undefined && box) {
			const style = getComputedStyle(box);
			const px = (value: string) => Number.parseFloat(value) || 0;
			width = box.clientWidth - px(style.paddingLeft) - px(style.paddingRight);
			height = box.clientHeight - px(style.paddingTop) - px(style.paddingBottom);
		}
		return original.call(this, canvas, width, height, aspectRatio);
	};
}

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
