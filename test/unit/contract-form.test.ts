import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractFormSchema, countFieldErrors } from '../../renderer/components/contract-form';

describe('forms over the contract', () => {
  const request = z.strictObject({ name: z.string().min(1, 'Give it a name.'), tags: z.array(z.string().max(3, 'A tag has at most 3 characters.')) });
  const schema = contractFormSchema({
    request,
    toRequest: (values: { name: string; tags: { text: string }[] }) => ({ name: values.name.trim(), tags: values.tags.map((tag) => tag.text) }),
    formIssues: (values) => (values.tags.length === 0 ? [{ path: ['tags'], message: 'Add a tag.' }] : []),
    fieldPath: (path) => (path[0] === 'tags' && typeof path[1] === 'number' ? [...path, 'text'] : path),
  });

  it("gives the request's issues at the form's paths, after the form's own, all at once", () => {
    expect(schema.safeParse({ name: ' ', tags: [] }).error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['tags', 'Add a tag.'],
      ['name', 'Give it a name.'],
    ]);
    expect(schema.safeParse({ name: 'a', tags: [{ text: 'ok' }, { text: 'long' }] }).error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['tags.1.text', 'A tag has at most 3 characters.'],
    ]);
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
