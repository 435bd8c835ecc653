import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Catalog, MessageId } from './messages';

// A pseudo-locale made from English: every letter accented and every text about 40% longer, inside
// brackets. Run in it, the end-to-end journeys show any word not taken from the catalog (it stays
// plain) and any text that a longer language would clip. Placeholders, plurals and tags keep working.

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [letter, [...'àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i] ?? letter]),
);

function accent(text: string): string {
  // Each word about 40% longer (the growth of German or Finnish over English), so text still breaks
  // between words as a real language's does: a long run of padding would overflow where words wrap.
  return text.replace(/\S+/g, (word) => {
    const accented = [...word].map((character) => ACCENTED[character] ?? character).join('');
    return /\p{L}/u.test(word) ? `${accented}${'~'.repeat(Math.ceil(word.length * 0.4))}` : accented;
  });
}

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    switch (element.type) {
      case TYPE.literal:
        return { ...element, value: accent(element.value) };
      case TYPE.plural:
      case TYPE.select:
        return {
          ...element,
          options: Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: pseudoElements(option.value) }])),
        };
      case TYPE.tag:
        return { ...element, children: pseudoElements(element.children) };
      default:
        return element;
    }
  });
}

/** The English catalog as pre-parsed pseudo-locale messages (react-intl takes them as they are). */
export function pseudoCatalog(english: Catalog): Record<MessageId, MessageFormatElement[]> {
  const out = {} as Record<MessageId, MessageFormatElement[]>;
  for (const [id, message] of Object.entries(english) as [MessageId, string][]) {
    const text: MessageFormatElement[] = [{ type: TYPE.literal, value: '[' }, ...pseudoElements(parse(message)), { type: TYPE.literal, value: ']' }];
    out[id] = text;
  }
  return out;
}
