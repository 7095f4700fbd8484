/**
 * Slides are laid out on a fixed logical stage and scaled to the screen as a whole, so a slide
 * looks the same on a laptop, a 1080p projector and a 4K screen, and prints at a fixed size.
 * 960 × 540 CSS px is 10 × 5.625 in: exactly one 16:9 page when printed.
 */
export const STAGE = { width: 960, height: 540 } as const;

/** Scale and offset that fit the stage into a box, centred, keeping 16:9 (letterboxed). */
export function fitStage(boxWidth: number, boxHeight: number): { scale: number; x: number; y: number } {
	if (!(boxWidth > 0 && boxHeight > 0)) return { scale: 1, x: 0, y: 0 };
	const scale = Math.min(boxWidth / STAGE.width, boxHeight / STAGE.height);
	return {
		scale,
		x: (boxWidth - STAGE.width * scale) / 2,
		y: (boxHeight - STAGE.height * scale) / 2
	};
}

/**
 * Canvas pixels per logical pixel: a chart drawn at the stage's logical size and then scaled up
 * needs the device pixel ratio times the stage scale to stay crisp. Capped so an absurd window
 * cannot ask for a canvas larger than an 8K screen.
 */
export function chartPixelRatio(devicePixelRatio: number, stageScale: number): number {
	const dpr = devicePixelRatio > 0 ? devicePixelRatio : 1;
	const ratio = dpr * (stageScale > 0 ? stageScale : 1);
	return Math.min(Math.max(ratio, 1), 8);
}
