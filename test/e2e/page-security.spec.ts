import { EXPECTS_CONSOLE_ERRORS, expect, test } from './fixtures';

// The page the operator works in runs under the strict CSP whichever way it is served.

test('the built page carries the strict CSP and an injected inline script does not run', async ({ page, appUrl }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS, description: 'the injected inline script is meant to be blocked' });
  const response = await page.goto(appUrl);
  expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'none'; script-src 'self'/);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /^default-src 'none'; script-src 'self'/);

  const violations: string[] = [];
  page.on('console', (message) => violations.push(message.text()));
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  expect(violations.join('\n')).toMatch(/Content Security Policy/);
});

test('the page cannot call the API without the session token', async ({ page, appUrl }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS, description: 'the refused call logs its 401' });
  await page.goto(appUrl);
  const status = await page.evaluate(async () => {
    const reply = await fetch('/api/connections:list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return reply.status;
  });
  expect(status).toBe(401);
});
