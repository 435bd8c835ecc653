// Text a person types that ends up in the audit log (a ticket, a display name, a connection name, a
// check label) must read the same everywhere it is shown: no control characters (a line break or an
// escape would fake or hide a line) and no invisible direction marks (with U+202E, "Eve\u202Enimda"
// shows as "Eveadmin"). No imports: the page uses it for live checks, the contract to refuse.

const CONTROL_OR_DIRECTION = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export function hasControlOrDirectionMarks(text: string): boolean {
  return CONTROL_OR_DIRECTION.test(text);
}
