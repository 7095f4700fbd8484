// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
		}
		/** A dashboard's shallow history entry (src/lib/dashboard/address.svelte.ts). */
		interface PageState {
			/** The entry's query, without `?`: its filters and language. */
			search?: string;
		}
	}
}

export {};
