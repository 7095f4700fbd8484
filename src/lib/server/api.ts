import { json } from '@sveltejs/kit';
import { ClientError } from './http';

/**
 * Runs an API handler: a ClientError becomes its status with a one-line JSON message; anything
 * else is logged here and answered with a bare 500, never a stack trace or internal message.
 */
export async function respond(work: () => Promise<Response>): Promise<Response> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof ClientError)
			return json({ error: error.message }, { status: error.status, headers: error.headers });
		console.error('share API:', error);
		return json({ error: 'internal error' }, { status: 500 });
	}
}
