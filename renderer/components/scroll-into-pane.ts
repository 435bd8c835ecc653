/**
 * Scrolls `element` into view inside the pane that scrolls it (the nearest ancestor with its own
 * scroll bar), and nowhere else: Element.scrollIntoView also moves the page and every outer pane,
 * which shifts the whole layout. 'start' brings the element to the pane's top; 'nearest' moves only
 * as much as needed.
 */
export function scrollIntoPane(element: Element | null | undefined, block: 'start' | 'nearest' = 'nearest'): void {
  if (!element) return;
  const pane = scrollingAncestor(element);
  if (!pane) return;
  const margin = 8;
  const box = element.getBoundingClientRect();
  const view = pane.getBoundingClientRect();
  const above = box.top - view.top - margin;
  const below = box.bottom - view.bottom + margin;
  if (block === 'start' || above < 0 || box.height > view.height) pane.scrollTop += above;
  else if (below > 0) pane.scrollTop += below;
}

function scrollingAncestor(element: Element): HTMLElement | undefined {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return undefined;
}
