/**
 * Keyboard and presenter-clicker control. Clickers send PageDown/PageUp (some also "b" or "." for a
 * blank screen); the rest follows PowerPoint's habits: number + Enter jumps, B or . blanks.
 */
export type NavAction =
	| { type: 'next' }
	| { type: 'prev' }
	| { type: 'first' }
	| { type: 'last' }
	| { type: 'blank' }
	| { type: 'fullscreen' }
	| { type: 'digit'; digit: string }
	| { type: 'goto' }
	| { type: 'clear' };

export interface KeyInput {
	key: string;
	shiftKey?: boolean;
	ctrlKey?: boolean;
	altKey?: boolean;
	metaKey?: boolean;
}

/** The action for a key press, or null to leave the key to the browser (Ctrl+P, Escape, Tab …). */
export function actionForKey(input: KeyInput, typingNumber: boolean): NavAction | null {
	if (input.ctrlKey || input.altKey || input.metaKey) return null;
	const { key } = input;
	if (/^[0-9]$/.test(key)) return { type: 'digit', digit: key };
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
		case 'n':
		case 'N':
			return { type: 'next' };
		case ' ':
			return input.shiftKey ? { type: 'prev' } : { type: 'next' };
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
		case 'Backspace':
		case 'p':
		case 'P':
			return { type: 'prev' };
		case 'Home':
			return { type: 'first' };
		case 'End':
			return { type: 'last' };
		case 'b':
		case 'B':
		case '.':
			return { type: 'blank' };
		case 'f':
		case 'F':
			return { type: 'fullscreen' };
		case 'Enter':
			return typingNumber ? { type: 'goto' } : { type: 'next' };
		case 'Escape':
			return typingNumber ? { type: 'clear' } : null;
		default:
			return null;
	}
}

/** Where the presentation stands: the slide shown, whether the screen is blanked, a number being typed. */
export interface NavState {
	index: number;
	blank: boolean;
	digits: string;
}

export const START: NavState = { index: 0, blank: false, digits: '' };

/**
 * The next navigation state. On a blank screen, next/previous only bring the slide back (so a
 * nervous click never skips a slide); first, last and jumps go where asked. Next on the last slide
 * goes to the end screen (index = count), as PowerPoint does, so the audience sees the talk is over
 * instead of a key that does nothing; previous goes back from there.
 */
export function navigate(state: NavState, action: NavAction, count: number): NavState {
	const last = Math.max(0, count - 1);
	const at = (index: number, limit = last): NavState => ({
		index: Math.max(0, Math.min(limit, index)),
		blank: false,
		digits: ''
	});
	switch (action.type) {
		case 'next':
			return state.blank ? { ...state, blank: false, digits: '' } : at(state.index + 1, count);
		case 'prev':
			return state.blank ? { ...state, blank: false, digits: '' } : at(state.index - 1);
		case 'first':
			return at(0);
		case 'last':
			return at(last);
		case 'blank':
			return { ...state, blank: !state.blank, digits: '' };
		case 'fullscreen':
		case 'clear':
			return { ...state, digits: '' };
		case 'digit':
			return { ...state, digits: (state.digits + action.digit).slice(-4) };
		case 'goto': {
			const n = Number(state.digits);
			return n >= 1 && n <= count ? at(n - 1) : { ...state, digits: '' };
		}
	}
}

/** Whether the state is the end screen after the last slide. */
export function atEnd(state: NavState, count: number): boolean {
	return count > 0 && state.index >= count;
}

/**
 * Keeps a state valid after the deck changed length (slides removed in the editor); the end screen
 * stays the end screen.
 */
export function clampNav(state: NavState, count: number): NavState {
	const index = Math.max(0, Math.min(count, state.index));
	return index === state.index ? state : { ...state, index };
}
