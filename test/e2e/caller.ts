import type { Page } from '@playwright/test';

// What the caller has and reads out over the phone, in the offline demo.

/** The code the caller reads out: taken from the demo inbox through the API, as it is not part of the operator's screen. */
export async function codeFromInbox(page: Page, username: string): Promise<string> {
  return page.evaluate(async (user) => {
    const token = sessionStorage.getItem('recovery-desk.token') ?? '';
    const response = await fetch('/api/demo:inbox', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ connectionId: 'demo' }),
    });
    const result = (await response.json()) as { data: { messages: Array<{ username: string; code: string; purpose: string }> } };
    return result.data.messages.find((m) => m.username === user && m.purpose === 'ForgotPassword')?.code ?? '';
  }, username);
}
