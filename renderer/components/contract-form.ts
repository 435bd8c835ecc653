import type { FieldErrors, FieldValues } from 'react-hook-form';
import { z } from 'zod';

// One way for a form to check what the operator typed: react-hook-form's zodResolver over a schema
// made here from a channel's request schema in shared/contract.ts. The contract's rules and messages
// are the form's; a form adds only what is its own (what must be typed on this screen, and so on).

/** A problem the form itself finds, at a path of its own values. */
export interface FormIssue {
  path: PropertyKey[];
  message: string;
}

interface ContractFormOptions<Values, Request extends z.ZodType> {
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
export function contractFormSchema<Values, Request extends z.ZodType>({ request, toRequest, formIssues, fieldPath }: ContractFormOptions<Values, Request>) {
  // The values need no schema of their own: they are typed by the form, and checked as the request.
  return z.custom<Values>().transform((values, ctx): z.output<Request> => {
    const issues = formIssues?.(values) ?? [];
    const parsed = request.safeParse(toRequest(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: fieldPath ? fieldPath(issue.path) : issue.path, message: issue.message });
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

/**
 * After a refused submit, focus the first field marked invalid, in the order the operator reads them.
 * react-aria marks an invalid field's root with data-invalid; a radio group focuses its chosen radio.
 * Waits a frame, so the messages of this submit are on the page; `fallback` runs when no field is marked.
 */
export function focusFirstInvalid(form: HTMLFormElement | null, fallback?: () => void) {
  window.requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[data-invalid]');
    const target = field?.matches('input, button, textarea')
      ? field
      : (field?.querySelector<HTMLElement>('input:checked') ??
        field?.querySelector<HTMLElement>('input:not([type="hidden"]):not([tabindex="-1"]), textarea') ??
        field?.querySelector<HTMLElement>('button'));
    if (target) target.focus();
    else fallback?.();
  });
}
