// Ingest: a generated German CSV (1 M rows, ~50 MB: semicolons, decimal commas, DD.MM.YYYY,
// umlauts; UTF-8 so DuckDB's bare read_csv can read it too) imported on /diagnostics/ingest three
// ways in one Chromium run: the app's pipeline (worker read + prepare, the typed load starting from
// the file's head alongside, checks and commit), bare duckdb-wasm read_csv (auto-detect, into a
// table) and papaparse. Each method runs once per round, in a fresh page, the order rotated
// between rounds (no method always first or last); each method's median over the rounds is
// reported, since one run on this shared 2-core machine varies by ±20 %. Then a 5 M-row file
// through the pipeline alone, with the peak memory of the browser's processes.
// Budgets (DESIGN.md §7): pipeline ≥ 0.8× bare read_csv and ≥ 2× papaparse; 5 M rows without a crash.
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROWS = Number(process.env.WIRKUNG_BENCH_ROWS ?? 1_000_000);
const BIG_ROWS = Number(process.env.WIRKUNG_BENCH_BIG_ROWS ?? 5_000_000);
const ROUNDS = Number(process.env.WIRKUNG_BENCH_INGEST_ROUNDS ?? 5);
const METHODS = ['read_csv', 'pipeline', 'papaparse'];
const GENDERS = ['', 'weiblich', 'männlich', 'divers'];

/** Writes `rows` actuals rows shaped like a German monitoring export; deterministic. */
async function generate(path, rows) {
	const out = createWriteStream(path);
	const write = (chunk) => (out.write(chunk) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
	await write('Indikator-ID;Projekt-Nr.;Zeitraum von;Zeitraum bis;Istwert;Geschlecht;Bemerkung\r\n');
	let seed = 42;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	let batch = '';
	for (let i = 0; i < rows; i++) {
		const quarter = i % 16;
		const year = 2019 + Math.floor(quarter / 4);
		const q = (quarter % 4) * 3;
		const start = `01.${String(q + 1).padStart(2, '0')}.${year}`;
		const end = `${[31, 30, 30, 31][quarter % 4]}.${String(q + 3).padStart(2, '0')}.${year}`;
		const value = (random() * 5000).toFixed(1).replace('.', ',');
		batch += `CO0${1 + (i % 9)};BQ-19-${String(1 + (i % 70)).padStart(3, '0')};${start};${end};${value};${GENDERS[i % 4]};${i % 10 === 0 ? 'geprüft' : ''}\r\n`;
		if (batch.length > 1 << 20) {
			await write(batch);
			batch = '';
		}
	}
	await write(batch);
	await new Promise((resolve) => out.end(resolve));
}

/** Resident memory (MB) of every process below this one: the bench's Chromium and its renderers. */
function descendantsRssMb() {
	const children = new Map();
	for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		try {
			const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
		} catch {
			// the process ended while we looked
		}
	}
	let kb = 0;
	const queue = [...(children.get(process.pid) ?? [])];
	while (queue.length) {
		const pid = queue.pop();
		queue.push(...(children.get(pid) ?? []));
		try {
			kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
		} catch {
			// ended
		}
	}
	return Math.round(kb / 1024);
}

async function importOn(browser, baseURL, path, query = '') {
	const page = await browser.newPage();
	let crashed = false;
	page.on('crash', () => (crashed = true));
	await page.goto(`${baseURL}/diagnostics/ingest${query}`);
	let peak = descendantsRssMb();
	const sampler = setInterval(() => (peak = Math.max(peak, descendantsRssMb())), 250);
	try {
		await page.locator('input[type="file"]').setInputFiles(path);
		await page.locator('[data-state="done"], [data-state="error"]').waitFor({ timeout: 20 * 60_000 });
		const error = await page
			.getByRole('alert')
			.textContent()
			.catch(() => null);
		const rows = await page.locator('tr[data-method]').evaluateAll((trs) =>
			trs.map((tr) => ({
				method: tr.dataset.method,
				ms: Number(tr.dataset.ms),
				rows: Number(tr.dataset.rows)
			}))
		);
		const steps = await page
			.locator('[data-steps="pipeline"] dd')
			.evaluateAll((dds) => Object.fromEntries(dds.map((dd) => [dd.dataset.step, Number(dd.dataset.ms)])));
		return { rows, steps, error, crashed, peakMb: peak };
	} catch (error) {
		return { rows: [], error: String(error), crashed, peakMb: peak };
	} finally {
		clearInterval(sampler);
		await page.close().catch(() => {});
	}
}

export async function run({ baseURL, browser, emit }) {
	const dir = mkdtempSync(join(tmpdir(), 'wirkung-bench-ingest-'));
	try {
		const path = join(dir, 'istwerte-1m.csv');
		await generate(path, ROWS);
		const mb = statSync(path).size / 1024 ** 2;
		emit({ metric: 'file', rows: ROWS, mb: Math.round(mb * 10) / 10 });
		const rounds = [];
		for (let round = 0; round < ROUNDS; round++) {
			const order = METHODS.map((_, i) => METHODS[(i + round) % METHODS.length]);
			const result = await importOn(browser, baseURL, path, `?order=${order.join(',')}`);
			if (result.error) emit({ metric: 'error', round, value: result.error });
			rounds.push(result);
		}
		/** The method's middle run (the median of the rounds' times, an actual run with its steps). */
		const median = (method) => {
			const runs = rounds
				.map((r) => ({ ...r.rows.find((row) => row.method === method), steps: r.steps }))
				.filter((r) => r.ms > 0)
				.sort((a, b) => a.ms - b.ms);
			return runs.length ? runs[(runs.length - 1) >> 1] : null;
		};
		const by = Object.fromEntries(METHODS.map((m) => [m, median(m)]).filter(([, r]) => r));
		for (const [method, r] of Object.entries(by))
			emit({
				metric: `${method}_mb_per_s`,
				unit: 'MB/s',
				value: Math.round((mb / (r.ms / 1000)) * 10) / 10,
				ms: r.ms,
				rows: r.rows,
				runs_ms: rounds.map((round) => round.rows.find((row) => row.method === method)?.ms ?? null)
			});
		if (by.pipeline && by.read_csv && by.papaparse) {
			const overBare = Math.round((by.read_csv.ms / by.pipeline.ms) * 100) / 100;
			const overPapa = Math.round((by.papaparse.ms / by.pipeline.ms) * 100) / 100;
			emit({
				metric: 'pipeline_over_read_csv',
				unit: 'ratio',
				value: overBare,
				budget: 0.8,
				within: overBare >= 0.8
			});
			emit({
				metric: 'pipeline_over_papaparse',
				unit: 'ratio',
				value: overPapa,
				budget: 2,
				within: overPapa >= 2
			});
		}
		if (by.pipeline?.steps) emit({ metric: 'pipeline_steps', unit: 'ms', ...by.pipeline.steps });
		emit({ metric: 'peak_browser_rss_1m', unit: 'MB', value: Math.max(...rounds.map((r) => r.peakMb)) });
		rmSync(path);

		if (BIG_ROWS > 0) {
			const big = join(dir, 'istwerte-big.csv');
			await generate(big, BIG_ROWS);
			const bigMb = statSync(big).size / 1024 ** 2;
			const r = await importOn(browser, baseURL, big, '?order=pipeline');
			const ok = !r.crashed && !r.error && r.rows[0]?.rows === BIG_ROWS;
			emit({
				metric: 'big_import',
				rows: BIG_ROWS,
				mb: Math.round(bigMb),
				ok,
				crashed: r.crashed,
				error: r.error,
				ms: r.rows[0]?.ms ?? null,
				steps: r.steps,
				peak_browser_rss_mb: r.peakMb
			});
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
