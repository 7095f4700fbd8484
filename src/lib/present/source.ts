import { workspace } from '../workspace';
import { openChannel, type Channel } from './channel';
import { dataKey, type Message, type Need } from './sync';

/**
 * The analyst side: answers presentation windows with the data of the slides they show, from this
 * tab's engine, and again whenever this tab's data changes. It never starts the engine itself: a
 * forgotten tab must not load DuckDB just because a presentation opened.
 */
export class LiveSource {
	#channel: Channel | null = null;
	#needs = new Map<string, Need[]>();
	/** Keys each window already has the current data for, so a deck edit costs only the new queries. */
	#sent = new Map<string, Set<string>>();
	#changedAt = 0;

	start(): () => void {
		this.#channel = openChannel((message) => this.#receive(message));
		return () => this.#channel?.close();
	}

	/** Call with workspace.version: every change re-sends all data presentation windows asked for. */
	dataChanged(version: number): void {
		if (version === 0) return;
		this.#changedAt = Date.now();
		this.#channel?.post({ type: 'source' });
		for (const [from, needs] of this.#needs) this.#sent.set(from, new Set(needs.map(dataKey)));
		this.#send([...this.#needs.values()].flat());
	}

	#receive(message: Message): void {
		if (message.type === 'need') {
			this.#needs.set(message.from, message.needs);
			if (this.#changedAt === 0) return;
			const sent = this.#sent.get(message.from) ?? new Set();
			this.#sent.set(message.from, new Set(message.needs.map(dataKey)));
			this.#send(message.needs.filter((need) => !sent.has(dataKey(need))));
		} else if (message.type === 'bye') {
			this.#needs.delete(message.from);
			this.#sent.delete(message.from);
		}
	}

	async #send(needs: Need[]): Promise<void> {
		const unique = new Map(needs.map((need) => [dataKey(need), need]));
		if (unique.size === 0) return;
		// Loaded on first use: the views (charts, Chart.js) stay out of every page's initial bundle.
		const [{ loadNeed }, engine] = await Promise.all([import('./load'), workspace.open()]);
		const changedAt = this.#changedAt;
		await Promise.all(
			[...unique].map(async ([key, need]) => {
				const { data, error } = await loadNeed(engine, need);
				if (error === null) this.#channel?.post({ type: 'data', key, changedAt, data, error });
				else this.#channel?.post({ type: 'data', key, changedAt, data: null, error });
			})
		);
	}
}
