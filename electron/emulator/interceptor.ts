// The seam between the emulator's own fidelity code and cognito-local. Nothing here imports
// cognito-local: the adapter runs interceptors in place of its targets and turns CognitoFault into
// the JSON error SDK clients parse.

/** A Cognito error (code = the exception name, e.g. InvalidParameterException) raised by our own code. */
export class CognitoFault extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = code;
    this.code = code;
  }
}

/** A request body as the SDK sent it (JSON-decoded, unvalidated). */
export type CognitoRequest = Readonly<Record<string, unknown>>;

/** cognito-local's own implementation of the same target. */
export type NextRoute = (request: CognitoRequest) => Promise<unknown>;

/** Runs instead of a target (keyed by target name, e.g. "ListUsers"); may call `next`. */
export type Interceptor = (request: CognitoRequest, next: NextRoute) => Promise<unknown>;

export type Interceptors = Readonly<Partial<Record<string, Interceptor>>>;

/** Real Cognito's wording for request validation failures, so messages read the same in the demo. */
export function validationFault(field: string, value: unknown, constraint: string): CognitoFault {
  const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`;
  return new CognitoFault(
    'InvalidParameterException',
    `1 validation error detected: Value ${shown} at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}
