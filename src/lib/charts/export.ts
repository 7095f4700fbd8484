import Papa from 'papaparse';

/** Characters that make a spreadsheet treat a cell as a formula (DESIGN.md §8, OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a cell against formula injection: a leading = + - @ tab or CR gets a leading
 * apostrophe, which spreadsheets show as text. Everything else passes unchanged.
 */
export function neutraliseCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * CSV text of a table (header row first) for German spreadsheets: semicolons, CRLF, every cell
 * neutralised; papaparse does the quoting. A BOM makes Excel read it as UTF-8.
 */
export function tableToCsv(rows: string[][]): string {
	return (
		'\ufeff' +
		Papa.unparse(
			rows.map((row) => row.map(neutraliseCell)),
			{ delimiter: ';', newline: '\r\n' }
		)
	);
}

/** A file name from a chart id and the as-of date, safe on every OS. */
export function exportFileName(id: string, extension: 'csv' | 'png'): string {
	return `wirkung-${id.replace(/[^a-z0-9-]+/gi, '-')}.${extension}`;
}

/**
 * The image a PNG export holds: the top `height` device pixels of a chart's canvas (the canvas may
 * be taller than the drawing, see drawing-area.ts) on white. The charts are drawn on a transparent
 * canvas over the white figure; painting white under every redraw cost more than the bars.
 */
export function exportImage(canvas: HTMLCanvasElement, height: number): HTMLCanvasElement {
	const image = document.createElement('canvas');
	image.width = canvas.width;
	image.height = Math.min(Math.max(1, height), canvas.height);
	const context = image.getContext('2d');
	if (context) {
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, image.width, image.height);
		context.drawImage(canvas, 0, 0);
	}
	return image;
}
