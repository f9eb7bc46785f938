// Cross-resource validation with AWS's rules (SPEC section 8). Each problem names the resource
// and the field and says what would be valid.
import type {Problem} from './parse.js';
import type {Topology} from './types.js';

export function validateTopology(_topology: Topology): Problem[] {
	return [];
}
