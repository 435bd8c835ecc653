// Opening a user moves focus to its call block, but only if the operator has not moved on meanwhile:
// the block mounts once the user, the pool and the verdict have loaded, which can take a moment, and
// focus must never jump away from where the operator has since gone.

let focusWhenOpened: Element | null = null;

/** Called as a user is opened (a click, Enter on the list, the one search result). */
export function noteUserOpened(): void {
  focusWhenOpened = document.activeElement;
}

/** Whether focus is still where it was when the user was opened, so taking it is expected. */
export function focusUnmovedSinceOpening(): boolean {
  const active = document.activeElement;
  return active === focusWhenOpened || active === document.body || active === null;
}
