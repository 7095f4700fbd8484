/** The publish API as the analyst's browser calls it. Sends only an encoded, suppressed cube. */

export interface PublishedShare {
	id: string;
	url: string;
	expires_at: string | null;
}

export interface ShareListEntry {
	id: string;
	title: string;
	createdAt: string;
	expiresAt: string | null;
	revokedAt: string | null;
	views: number;
	lastViewedAt: string | null;
	bytes: number;
}

/** The server's error message, or the HTTP status when it sent none. */
async function failure(response: Response): Promise<Error> {
	const body = (await response.json().catch(() => null)) as { error?: string } | null;
	return new Error(body?.error ?? `HTTP ${response.status}`);
}

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

export async function publishCube(
	payload: Uint8Array,
	options: { key: string; expiresDays: number },
	fetcher: typeof fetch = fetch
): Promise<PublishedShare> {
	const response = await fetcher(`/api/shares?expires_days=${encodeURIComponent(options.expiresDays)}`, {
		method: 'POST',
		headers: { ...auth(options.key), 'content-type': 'application/vnd.apache.arrow.stream' },
		body: payload as BodyInit
	});
	if (!response.ok) throw await failure(response);
	return (await response.json()) as PublishedShare;
}

export async function listShares(key: string, fetcher: typeof fetch = fetch): Promise<ShareListEntry[]> {
	const response = await fetcher('/api/shares', { headers: auth(key) });
	if (!response.ok) throw await failure(response);
	return ((await response.json()) as { shares: ShareListEntry[] }).shares;
}

export async function revokeShare(id: string, key: string, fetcher: typeof fetch = fetch): Promise<void> {
	const response = await fetcher(`/api/shares/${encodeURIComponent(id)}`, {
		method: 'DELETE',
		headers: auth(key)
	});
	if (!response.ok) throw await failure(response);
}
