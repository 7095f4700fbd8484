import { CHANNEL, parseMessage, type Message } from './sync';

/** Distributes the Omit over the message union, so each variant keeps its own fields. */
type Outgoing = Message extends infer M ? (M extends Message ? Omit<M, 'from'> : never) : never;

export interface Channel {
	/** This window's sender id. */
	readonly id: string;
	post(message: Outgoing): void;
	close(): void;
}

/**
 * Opens the presenter channel for this window; received messages are shape-checked and a window
 * never hears its own. Returns null where BroadcastChannel is missing (the slides still work alone).
 */
export function openChannel(onMessage: (message: Message) => void): Channel | null {
	if (typeof BroadcastChannel !== 'function') return null;
	const id = crypto.randomUUID();
	const channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = (event: MessageEvent) => {
		const message = parseMessage(event.data);
		if (message && message.from !== id) onMessage(message);
	};
	return {
		id,
		post(message) {
			try {
				channel.postMessage({ ...message, from: id });
			} catch (e) {
				// A view whose data cannot be cloned is reported as an error for its key instead.
				if (message.type !== 'data' || message.error !== null) throw e;
				channel.postMessage({ ...message, data: null, error: String(e), from: id });
			}
		},
		close: () => channel.close()
	};
}
