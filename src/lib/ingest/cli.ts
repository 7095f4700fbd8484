import type { Engine } from '../engine';
import { DEFAULT_SIZE_LIMIT } from './encoding';
import { emptyReport, ensureSchema, loadPrepared, type ImportReport } from './load';
import { prepareCsv } from './prepare';
import { describeReject } from './rejects';
import type { SkippedLine, SkipReason } from './table';

/** What the CLI needs from the outside world; the script passes Node's, tests their own. */
export interface CliIo {
	readFile(path: string): Promise<Uint8Array>;
	out(line: string): void;
	err(line: string): void;
	createEngine(): Promise<Engine>;
}

export const USAGE = `usage:
  npm run --silent csv -- check <file>... [--json] [--max-size BYTES]
  npm run --silent csv -- preview <file> [--rows N] [--json]`;

/** `check --json` output for one file: the issue's contract, snake_case. */
export function checkJson(report: ImportReport) {
	return {
		file: report.file,
		ok: report.ok,
		encoding: report.encoding ?? null,
		delimiter: report.delimiter ?? null,
		decimal: report.decimal ?? null,
		table: report.table ?? null,
		confidence: report.confidence ?? null,
		columns: report.columns.map((c) => ({ name: c.name, mapped_to: c.mappedTo, type: c.type })),
		rows_in: report.rowsIn,
		rows_loaded: report.rowsLoaded,
		rows_rejected: report.rowsRejected,
		rows_blank: report.rowsBlank,
		rows_skipped: report.rowsSkipped,
		skipped: report.skipped.map((l) => ({ line: l.line, reason: l.reason, text: l.text })),
		warnings: report.warnings,
		rejects: report.rejects.map((r) => ({ line: r.line, column: r.column, reason: r.reason })),
		error: report.ok ? null : (report.error ?? null)
	};
}

function humanLines(report: ImportReport): string[] {
	if (!report.ok) return [`${report.file}: nicht importiert – ${report.error}`];
	return [
		`${report.file}: ${report.table} (${Math.round((report.confidence ?? 0) * 100)} % sicher), ${report.encoding}, Trennzeichen ${JSON.stringify(report.delimiter)}: ${report.rowsIn} Zeilen = ${report.rowsLoaded} geladen + ${report.rowsRejected} abgewiesen (+ ${report.rowsBlank} Leerzeilen${report.rowsSkipped ? `, + ${report.rowsSkipped} übersprungen vor/nach der Tabelle` : ''})`,
		...skippedLines(report.skipped),
		...report.warnings.map((w) => `  Hinweis: ${w}`),
		...report.rejects.map((r) => `  ${describeReject(r)}`)
	];
}

/** German words for why a line outside the table was skipped. */
export const SKIP_REASONS: Record<SkipReason, string> = {
	blank: 'Leerzeile',
	sep: 'Trennzeichen-Angabe (sep=)',
	datev: 'DATEV-Kopfzeile',
	preamble: 'Vorspann',
	header: 'obere Kopfzeile, mit der Kopfzeile zusammengeführt',
	separator: 'Trennlinie',
	note: 'Fußnote',
	total: 'Summenzeile'
};

function skippedLines(skipped: SkippedLine[]): string[] {
	return skipped.map((l) => `  Zeile ${l.line} übersprungen (${SKIP_REASONS[l.reason]}): ${l.text}`);
}

class UsageError extends Error {}

function parseArgs(argv: string[]) {
	const [command, ...rest] = argv;
	const files: string[] = [];
	const flags = new Map<string, string | true>();
	for (let i = 0; i < rest.length; i++) {
		const arg = rest[i]!;
		if (arg === '--json') flags.set('json', true);
		else if (arg === '--rows' || arg === '--max-size') {
			const value = rest[++i];
			if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`${arg} braucht eine Zahl`);
			flags.set(arg.slice(2), value);
		} else if (arg.startsWith('--')) throw new UsageError(`unbekannte Option ${arg}`);
		else files.push(arg);
	}
	if (command !== 'check' && command !== 'preview') throw new UsageError('Befehl fehlt: check oder preview');
	if (!files.length) throw new UsageError('keine Datei angegeben');
	if (command === 'preview' && files.length > 1) throw new UsageError('preview nimmt genau eine Datei');
	return { command, files, flags };
}

/**
 * The ingest CLI on the same code as the browser (prepareCsv + loadPrepared on the node engine).
 * Returns the exit code: 0 every file processed (refused files and rejects included), 1 bad usage
 * or an unreadable file, 2 an internal failure.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
	let args: ReturnType<typeof parseArgs>;
	try {
		args = parseArgs(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		io.err(`${error.message}\n${USAGE}`);
		return 1;
	}
	const json = args.flags.has('json');
	const sizeLimit = Number(args.flags.get('max-size') ?? DEFAULT_SIZE_LIMIT);
	let code = 0;

	if (args.command === 'preview') {
		const file = args.files[0]!;
		let bytes: Uint8Array;
		try {
			bytes = await io.readFile(file);
		} catch (error) {
			io.err(`${file}: ${error instanceof Error ? error.message : String(error)}`);
			return 1;
		}
		const rows = Number(args.flags.get('rows') ?? 10);
		const prepared = prepareCsv(file, bytes, { sizeLimit, previewRows: rows });
		if (prepared.error) io.err(`${file}: ${prepared.error}`);
		for (const line of skippedLines(prepared.skipped ?? [])) io.err(`${file}:${line}`);
		for (const warning of prepared.warnings ?? []) io.err(`${file}: Hinweis: ${warning}`);
		const headers = prepared.dialect?.headers ?? [];
		const records = (prepared.preview ?? []).map((row) =>
			Object.fromEntries(headers.map((h, i) => [h, row[i] ?? null]))
		);
		io.out(json ? JSON.stringify(records) : records.map((r) => JSON.stringify(r)).join('\n'));
		return 0;
	}

	const engine = await io.createEngine();
	try {
		await ensureSchema(engine);
		for (const file of args.files) {
			let bytes: Uint8Array;
			try {
				bytes = await io.readFile(file);
			} catch (error) {
				const message = `Datei nicht lesbar: ${error instanceof Error ? error.message : String(error)}`;
				const report = emptyReport({ file, size: 0, error: message });
				io.out(json ? JSON.stringify(checkJson(report)) : `${file}: ${message}`);
				code = Math.max(code, 1);
				continue;
			}
			let report: ImportReport;
			try {
				report = await loadPrepared(engine, prepareCsv(file, bytes, { sizeLimit }), {});
			} catch (error) {
				const message = `Interner Fehler: ${error instanceof Error ? error.message : String(error)}`;
				report = { ...emptyReport({ file, size: bytes.length, error: message }), internal: true };
			}
			if (report.internal) code = 2;
			if (json) io.out(JSON.stringify(checkJson(report)));
			else humanLines(report).forEach((line) => io.out(line));
		}
	} finally {
		await engine.close();
	}
	return code;
}
