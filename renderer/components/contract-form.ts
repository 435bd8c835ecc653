import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { z } from 'zod';
import type { Translate } from '../i18n/use-t';

// One way for a form to check what the operator typed: react-hook-form's zodResolver over a schema
// made here from a channel's request schema in shared/contract.ts. The contract's rules and messages
// are the form's; a form adds only what is its own (what must be typed on this screen, and so on).

/** A problem the form itself finds, at a path of its own values, in the page's words. */
export interface FormIssue {
  path: PropertyKey[];
  message: string;
}

interface ContractFormOptions<Values, Request extends z.ZodType> {
  /** The page's words: the contract names its messages by id (shared/validation.ts). */
  t: Translate;
  /** The channel's request schema from shared/contract.ts. */
  request: Request;
  /** The form's values as the request the channel takes (blank optional fields left out, and so on). */
  toRequest: (values: Values) => z.input<Request>;
  /** Rules of this form alone, checked alongside the contract's so every message shows at once. */
  formIssues?: (values: Values) => FormIssue[];
  /** Where a request path shows in the form, when the form holds that value elsewhere (e.g. a list of objects). */
  fieldPath?: (requestPath: PropertyKey[]) => PropertyKey[];
}

/**
 * The schema for `zodResolver`: the form's values in, the channel's parsed request out. A refused value
 * carries the contract's message at the field that holds it; the form's own issues come first.
 */
export function contractFormSchema<Values, Request extends z.ZodType>({ t, request, toRequest, formIssues, fieldPath }: ContractFormOptions<Values, Request>) {
  // The values need no schema of their own: they are typed by the form, and checked as the request.
  return z.custom<Values>().transform((values, ctx): z.output<Request> => {
    const issues = formIssues?.(values) ?? [];
    const parsed = request.safeParse(toRequest(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: fieldPath ? fieldPath(issue.path) : issue.path, message: t.ref(issue.message) });
    }
    if (parsed.success && issues.length === 0) return parsed.data;
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: values });
    return z.NEVER;
  });
}

/** How many fields of a form carry a message (react-hook-form nests errors like the values). */
export function countFieldErrors<Values extends FieldValues>(errors: FieldErrors<Values>): number {
  let count = 0;
  for (const value of Object.values(errors) as unknown[]) {
    if (typeof value !== 'object' || value === null) continue;
    count += 'message' in value && typeof value.message === 'string' ? 1 : countFieldErrors(value);
  }
  return count;
}

/** The first control of the first field marked invalid, in the order the operator reads them. */
function firstInvalidControl(form: HTMLFormElement | null): HTMLElement | null | undefined {
  // react-aria marks an invalid field's root with data-invalid; a radio group gives its chosen radio.
  const field = form?.querySelector<HTMLElement>('[data-invalid]');
  if (field?.matches('input, button, textarea')) return field;
  return (
    field?.querySelector<HTMLElement>('input:checked') ??
    field?.querySelector<HTMLElement>('input:not([type="hidden"]):not([tabindex="-1"]), textarea') ??
    field?.querySelector<HTMLElement>('button')
  );
}

/**
 * Focus goes to the first invalid field when a submit is refused, in the page or by the privileged
 * side: call the returned function then. Focus moves once the refusal's messages are on the page
 * (react-hook-form publishes a refused submit's errors after its onInvalid callback has returned).
 * With no field marked (a problem with a whole list, say), `fallbackRef` gets focus.
 */
export function useFocusFirstInvalid<Values extends FieldValues>(
  formRef: RefObject<HTMLFormElement | null>,
  errors: FieldErrors<Values>,
  fallbackRef?: RefObject<HTMLElement | null>,
) {
  const refused = useRef(false);
  const hasErrors = countFieldErrors(errors) > 0;
  // After every render: the first one that shows errors after a refusal moves focus.
  useEffect(() => {
    if (!refused.current || !hasErrors) return;
    refused.current = false;
    (firstInvalidControl(formRef.current) ?? fallbackRef?.current)?.focus();
  });
  return useCallback(() => {
    refused.current = true;
  }, []);
}
