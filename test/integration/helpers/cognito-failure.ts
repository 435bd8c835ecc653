/** The Cognito error a call failed with (name and message), or a test failure if it succeeded. */
export async function cognitoFailure(call: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Error) return { name: error.name, message: error.message };
    throw error;
  }
  throw new Error('Expected a Cognito error, but the call succeeded.');
}
