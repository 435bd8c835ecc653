import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogs, en } from '../../renderer/i18n/messages';

// Nothing slips: every language has every message and no other, with the same placeholders; every
// message is used somewhere; every id the code names exists. (A literal string in a component is
// refused by the linter: formatjs/no-literal-string-in-jsx, eslint.config.mjs.)

const root = path.resolve(__dirname, '../..');
const ids = Object.keys(en);

/** The placeholders a message takes ({name}, {count, plural, …}, <b>…</b>), and the branches of each choice. */
function shape(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      found.add(`${element.type}:${element.value}`);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        // Plural categories differ between languages (German has no "few"); "other" must always be there.
        if (element.type === TYPE.select) for (const key of Object.keys(element.options)) found.add(`${element.value}=${key}`);
        else found.add(`${element.value}=other:${'other' in element.options}`);
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}

const sources = ['renderer', 'shared', 'electron'].flatMap((dir) => sourceFiles(path.join(root, dir))).map((file) => readFileSync(file, 'utf8'));
const allSource = sources.join('\n');

/** Ids built at run time from a template literal (`errors.${code}.message`), as patterns. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const templates = [...allSource.matchAll(/`([a-z][A-Za-z0-9]*\.[^`]*\$\{[^`]*)`/g)].map(
  (match) => new RegExp(`^${(match[1] ?? '').split(/\$\{[^}]*\}/).map(escape).join('[A-Za-z0-9-]+')}$`),
);

describe('the catalogs', () => {
  it.each(Object.keys(catalogs).filter((language) => language !== 'en'))('%s has every English message and no other', (language) => {
    const catalog = catalogs[language as keyof typeof catalogs];
    expect(Object.keys(catalog).sort()).toEqual([...ids].sort());
  });

  it.each(Object.keys(catalogs))('%s: every message is valid ICU with the same placeholders as in English', (language) => {
    const catalog = catalogs[language as keyof typeof catalogs];
    for (const id of ids) {
      const message = catalog[id as keyof typeof catalog];
      expect(() => parse(message), `${language} ${id}`).not.toThrow();
      expect(shape(message), `${language} ${id}: ${message}`).toEqual(shape(en[id as keyof typeof en]));
    }
  });

  it('uses every message: named in the code, or built from a template the code uses', () => {
    const unused = ids.filter((id) => !allSource.includes(`'${id}'`) && !allSource.includes(`"${id}"`) && !templates.some((pattern) => pattern.test(id)));
    expect(unused).toEqual([]);
  });

  it('has every message the privileged side and the contract name (messageRef)', () => {
    const named = [...allSource.matchAll(/messageRef\(\s*'([^']+)'/g)].map((match) => match[1] ?? '');
    expect(named.filter((id) => !(id in en))).toEqual([]);
  });
});
