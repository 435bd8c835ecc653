/**
 * react-aria's Button announces a change of its pending state by adding
 * `<div role="img" aria-labelledby="{the button's id}">` to react-aria's live region, where it stays
 * for 7 s. A button that goes away in that time (a send button replaced by its result, a dialog that
 * closes) leaves an image that names nothing: screen readers meet an unlabelled image and axe reports
 * role-img-alt (adobe/react-spectrum#10579). Each such node gets the words it pointed to as its
 * aria-label when it arrives: aria-labelledby still wins while its target exists, and the label
 * stands in once it is gone.
 */

const ANNOUNCER = '[data-live-announcer]';

function nameOf(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => {
      const target = document.getElementById(id);
      return target?.getAttribute('aria-label') ?? target?.textContent ?? '';
    })
    .map((words) => words.trim())
    .filter(Boolean)
    .join(' ');
}

function labelAnnouncements(nodes: Iterable<Node>) {
  for (const node of nodes) {
    if (!(node instanceof HTMLElement) || node.getAttribute('role') !== 'img' || node.hasAttribute('aria-label')) continue;
    const name = nameOf(node);
    if (name) node.setAttribute('aria-label', name);
  }
}

/** Watches for react-aria's live region (created on its first announcement) and labels what it announces. */
export function labelLiveAnnouncements(body: HTMLElement = document.body): void {
  let region: Element | null = null;
  const announcements = new MutationObserver((records) => {
    for (const record of records) labelAnnouncements(record.addedNodes);
  });
  const watchRegion = () => {
    const found = body.querySelector(`:scope > ${ANNOUNCER}`);
    if (!found || found === region) return;
    region = found;
    announcements.disconnect();
    announcements.observe(found, { childList: true, subtree: true });
  };
  // Only the body's own children are watched for the region: the app's own updates cost nothing here.
  new MutationObserver(watchRegion).observe(body, { childList: true });
  watchRegion();
}
