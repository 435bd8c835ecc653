// Words are the renderer's; the contract and the privileged side name a message by id, with the
// values it needs ({ max: 80 }). Where only a string fits (a zod issue's message), the id and its
// values travel together in one string, read back by readMessageRef. No imports: both sides use it.

export type MessageParams = Readonly<Record<string, string | number>>;

export interface MessageRef {
  id: string;
  params?: MessageParams;
}

// A separator no id or JSON text contains.
const SEPARATOR = '\u241E';

/** `id`, with `params` when there are any, as one string. */
export function messageRef(id: string, params?: MessageParams): string {
  return params && Object.keys(params).length > 0 ? `${id}${SEPARATOR}${JSON.stringify(params)}` : id;
}

/** The id and values a messageRef string carries; any other text is its own id (found missing by the catalog test). */
export function readMessageRef(text: string): MessageRef {
  const at = text.indexOf(SEPARATOR);
  if (at < 0) return { id: text };
  try {
    const params = JSON.parse(text.slice(at + SEPARATOR.length)) as MessageParams;
    return { id: text.slice(0, at), params };
  } catch {
    return { id: text.slice(0, at) };
  }
}
