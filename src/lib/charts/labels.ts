/**
 * Category labels that fit their chart: long names are wrapped on word boundaries into at most
 * `lines` lines of about `width` characters, and what is left over is cut with "…" (the figure's
 * data table keeps the full text). Chart.js draws a label given as an array as several lines.
 */
export function fitLabel(text: string, width: number, lines = 1): string | string[] {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= width) return clean;
	const out: string[] = [];
	let rest = clean;
	while (rest.length > 0 && out.length < lines) {
		if (rest.length <= width) {
			out.push(rest);
			rest = '';
			break;
		}
		const last = out.length === lines - 1;
		// On the last line the "…" needs one character of the width.
		const room = last ? width - 1 : width;
		const space = rest.lastIndexOf(' ', room);
		const cut = space > width / 2 ? space : room;
		out.push(rest.slice(0, cut).trimEnd() + (last ? '…' : ''));
		rest = rest.slice(cut).trimStart();
	}
	return out.length === 1 ? out[0]! : out;
}

/**
 * Font size (px) and number of lines for the category labels of a horizontal bar chart `height` px
 * tall with `rows` bars, whose labels may take up to `lines` lines: 12 px where the rows have room,
 * smaller down to 9 px where many bars share the height (a slide's 10 best and 10 worst), and one
 * line fewer where even 9 px would not fit, so neighbouring labels do not overlap. `reserved` px of the
 * height go to the value axis, its title and a legend.
 */
export function categoryLayout(
	height: number,
	rows: number,
	lines = 1,
	reserved = 70
): { size: number; lines: number } {
	if (rows <= 0) return { size: 12, lines };
	const perRow = (height - reserved) / rows;
	for (let n = Math.max(1, lines); n >= 1; n--) {
		// A label line needs 1.2 × its font size.
		const size = Math.min(12, Math.floor(perRow / (1.2 * n)));
		if (size >= 9 || n === 1) return { size: Math.max(9, size), lines: n };
	}
	return { size: 9, lines: 1 };
}
