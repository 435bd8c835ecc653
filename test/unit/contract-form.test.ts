import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messageRef } from '../../shared/message-ref';
import { contractFormSchema, countFieldErrors } from '../../renderer/components/contract-form';
import { translate } from '../support/translate';

describe('forms over the contract', () => {
  // The contract names its messages by id; the form says them in the page's language.
  const request = z.strictObject({ name: z.string().min(1, messageRef('validation.connectionName.required')), tags: z.array(z.string().max(3, messageRef('validation.search.tooLong', { max: 3 }))) });
  const schema = contractFormSchema({
    t: translate('en'),
    request,
    toRequest: (values: { name: string; tags: { text: string }[] }) => ({ name: values.name.trim(), tags: values.tags.map((tag) => tag.text) }),
    formIssues: (values) => (values.tags.length === 0 ? [{ path: ['tags'], message: 'Add a tag.' }] : []),
    fieldPath: (path) => (path[0] === 'tags' && typeof path[1] === 'number' ? [...path, 'text'] : path),
  });

  it("gives the request's issues at the form's paths, after the form's own, all at once", () => {
    expect(schema.safeParse({ name: ' ', tags: [] }).error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['tags', 'Add a tag.'],
      ['name', 'Give the connection a name, for example “Production (eu-west-1)”.'],
    ]);
    expect(schema.safeParse({ name: 'a', tags: [{ text: 'ok' }, { text: 'long' }] }).error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['tags.1.text', 'Search for at most 3 characters.'],
    ]);
  });

  it("words the contract's messages in German for a German page", () => {
    const german = contractFormSchema({ t: translate('de'), request, toRequest: (values: { name: string; tags: { text: string }[] }) => ({ name: values.name, tags: [] }) });
    expect(german.safeParse({ name: '', tags: [] }).error?.issues[0]?.message).toBe('Geben Sie der Verbindung einen Namen, zum Beispiel „Produktion (eu-central-1)“.');
  });

  it('outputs the parsed request', () => {
    expect(schema.parse({ name: ' a ', tags: [{ text: 'ok' }] })).toEqual({ name: 'a', tags: ['ok'] });
  });

  it('counts the fields that carry a message, however nested', () => {
    const message = (text: string) => ({ type: 'custom', message: text });
    expect(countFieldErrors({})).toBe(0);
    expect(countFieldErrors({ name: message('a'), source: { kind: message('b'), profile: message('c') }, list: { root: message('d'), 0: { text: message('e') } } })).toBe(5);
  });
});
