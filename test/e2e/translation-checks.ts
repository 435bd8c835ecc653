import type { Page } from '@playwright/test';
import { en } from '../../renderer/i18n/messages';

// What the pseudo-locale run looks for on each screen. In the pseudo-locale every word taken from a
// catalog is accented, so an English word of the catalog that shows plain was not taken from it;
// and every text is about 40% longer, so a box too small for a longer language cuts it off.

/** The English words of the catalogs (four letters or more): plain on a pseudo-locale page, each is a slip. */
const ENGLISH_WORDS = [...new Set(Object.values(en).flatMap((message) => message.match(/\b[a-z]{4,}\b/g) ?? []))];

/**
 * Text on the page (and in its accessible names, descriptions, titles and placeholders) that holds an
 * English word of the catalogs unaccented. Values are not words: a token with a digit, a dot, an @, a
 * slash, a colon or an underscore (usernames, emails, ids, ARNs), what the operator typed, echoed in
 * quotes, and names written as AWS writes them
 * (ForgotPassword, FORCE_CHANGE_PASSWORD) are passed over, as is what is English on purpose: Cognito's
 * own message (lang="en"), code and commands, names marked translate="no" (a pool's, an app client's,
 * an attribute's), and the spelling alphabet's words for a password.
 */
export async function untranslatedText(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const skip = '[lang="en"], [translate="no"], code, script, style, .readout-phrases';
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip) || !(node.textContent ?? '').trim()) continue;
      if (!parent.checkVisibility({ visibilityProperty: true }) && !parent.closest('.visually-hidden')) continue;
      texts.push(node.textContent ?? '');
    }
    for (const element of document.body.querySelectorAll<HTMLElement>('[aria-label], [aria-description], [title], [placeholder], [alt]')) {
      if (element.closest(skip)) continue;
      for (const name of ['aria-label', 'aria-description', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value?.trim()) texts.push(value);
      }
    }
    return texts;
  });
  const value = /“[^”]*”|\S*[\d@._/:\\]\S*|\b[A-Z][a-z]+[A-Z]\w*\b|\b[A-Z_]{2,}\b/g;
  const words = new RegExp(`\\b(${ENGLISH_WORDS.join('|')})\\b`);
  return [...new Set(found.filter((text) => words.test(text.replace(value, ' '))).map((text) => text.trim().slice(0, 120)))];
}

/**
 * Text a box cuts off: an element holding text whose content is wider (or taller) than the box that
 * hides its overflow. Visually hidden text (for screen readers) is meant to take no room, and a value
 * cut with an ellipsis that shows whole on hover (its title) is cut on purpose, in a narrow list.
 */
export async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      const ownText = [...element.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim());
      if (!ownText || element.closest('.visually-hidden') || !element.checkVisibility({ visibilityProperty: true })) continue;
      const style = getComputedStyle(element);
      if (style.textOverflow === 'ellipsis' && element.title.trim()) continue;
      const hidesX = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
      const hidesY = style.overflowY === 'hidden' || style.overflowY === 'clip';
      if ((hidesX && element.scrollWidth > element.clientWidth + 1) || (hidesY && element.scrollHeight > element.clientHeight + 1)) {
        clipped.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} “${(element.textContent ?? '').trim().slice(0, 60)}”`);
      }
    }
    return clipped;
  });
}
