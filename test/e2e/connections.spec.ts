import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AdminCreateUserCommand, CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startSecondEmulator } from './second-emulator';
import { startWebShell } from './web-shell';

// The connections manager against the browser shell: a saved access-keys connection pointed at a
// second emulator, isolation between connections, and no typed-in key anywhere the page can keep it.

/** AWS's documented example keys: the second emulator accepts any. */
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
/** A pool and a user only the second emulator has, so what shows under each connection tells them apart. */
async function seedBranchOffice(endpoint: string) {
  const client = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'seed', secretAccessKey: 'seed' }, maxAttempts: 1 });
  try {
    const created = await client.send(new CreateUserPoolCommand({ PoolName: 'Branch Office', AutoVerifiedAttributes: ['email'] }));
    const userPoolId = created.UserPool?.Id;
    if (!userPoolId) throw new Error('CreateUserPool returned no id.');
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: 'bob.branch',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: 'bob@branch.example' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
  } finally {
    client.destroy();
  }
}

function manager(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Connections' });
}

async function openManager(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Manage connections' }).click();
  await expect(manager(page)).toBeVisible();
  return manager(page);
}

function card(dialog: Locator, name: string): Locator {
  return dialog.getByRole('listitem', { name, exact: true });
}

async function chooseConnection(page: Page, name: string) {
  await page.getByRole('button', { name: /Connection/ }).click();
  await page.getByRole('option', { name, exact: true }).click();
}

function poolsNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'User pools' });
}

/** Everything the page can keep: its text and fields, the address, web storage and every IndexedDB database. */
async function whatThePageKeeps(page: Page) {
  return page.evaluate(async () => {
    const dump = (storage: Storage) => {
      const entries: Record<string, string | null> = {};
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key !== null) entries[key] = storage.getItem(key);
      }
      return entries;
    };
    const databases = await indexedDB.databases();
    const indexedDb: Record<string, unknown> = {};
    for (const info of databases) {
      if (!info.name) continue;
      const name = info.name;
      indexedDb[name] = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = [...db.objectStoreNames];
          if (stores.length === 0) {
            db.close();
            resolve({});
            return;
          }
          const tx = db.transaction(stores, 'readonly');
          const contents: Record<string, unknown> = {};
          for (const store of stores) {
            const all = tx.objectStore(store).getAll();
            all.onsuccess = () => (contents[store] = all.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(contents);
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    }
    return {
      text: document.body.innerText,
      html: document.documentElement.outerHTML,
      fields: [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((el) => el.value),
      url: window.location.href,
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      indexedDbNames: databases.map((d) => d.name ?? ''),
      indexedDb,
    };
  });
}

/** The page's JS heap after a full garbage collection (Chromium's DevTools protocol), as text. */
async function heapSnapshot(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    return chunks.join('');
  } finally {
    await cdp.detach();
  }
}

test('an access-keys connection to a second emulator: add, test, use, isolation, no key kept in the page or its memory, rename, edit, delete', async ({ page, appUrl }, testInfo) => {
  const emulator = await startSecondEmulator();
  try {
    await seedBranchOffice(emulator.endpoint);

    // Every response body the page receives, to look for the keys in later.
    const responseBodies: Promise<string>[] = [];
    const requestBodies: string[] = [];
    page.on('response', (response) => responseBodies.push(response.text().catch(() => '')));
    page.on('request', (request) => requestBodies.push(request.postData() ?? ''));

    await page.goto(appUrl);
    await expect(poolsNav(page).getByRole('button', { name: /Acme Staff/ })).toBeVisible();

    // ---- Add ----
    let dialog = await openManager(page);
    await expect(card(dialog, 'Offline demo')).toContainText('Built in');
    await expect(card(dialog, 'Offline demo').getByRole('button', { name: /Delete/ })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('manager.png') });

    await dialog.getByRole('button', { name: 'Add a connection' }).click();
    const form = dialog.getByRole('form', { name: 'Add a connection' });
    await expect(form).toBeVisible();
    await form.getByRole('textbox', { name: 'Name' }).fill('Branch emulator');
    await form.getByRole('radiogroup', { name: 'Where the credentials come from' }).getByText('Access keys', { exact: true }).click();
    await expect(form.getByRole('radio', { name: /^Access keys/ })).toBeChecked();
    // Where typed keys are kept is said next to them: this is the browser shell, so memory only.
    await expect(form.getByText(/kept in memory only, until you close Recovery Desk \(browser shell\)/)).toBeVisible();
    await form.getByRole('textbox', { name: 'Access key id' }).fill(KEY_ID);
    const secretField = form.getByRole('textbox', { name: 'Secret access key' });
    await secretField.fill(SECRET);
    await expect(secretField).toHaveAttribute('type', 'password');
    await expect(secretField).toHaveAccessibleDescription(/kept in memory only/);
    // Typed, not picked: Tab closes the suggestions (which hide the rest of the dialog from assistive technology).
    await form.getByRole('combobox', { name: 'Region' }).fill('us-east-1');
    await form.getByRole('combobox', { name: 'Region' }).press('Tab');
    await form.getByRole('textbox', { name: 'Custom endpoint (optional)' }).fill(emulator.endpoint);
    await dialog.screenshot({ path: testInfo.outputPath('form-access-keys.png') });
    // While typed in, the key is in the page's memory: the heap check further down can see it.
    expect((await heapSnapshot(page)).includes(SECRET)).toBe(true);
    await form.getByRole('button', { name: 'Save connection' }).click();

    await expect(dialog.getByRole('status').filter({ hasText: 'Branch emulator added' })).toBeVisible();
    await expect(form).toHaveCount(0);
    const branch = card(dialog, 'Branch emulator');
    await expect(branch).toContainText('Access keys');
    await expect(branch).toContainText('us-east-1');
    await expect(branch).toContainText(emulator.endpoint);
    await expect(branch).toContainText('Kept in memory until you close Recovery Desk (browser shell)');
    // The save went out with the key (so the scans below would find one if it came back).
    expect(requestBodies.some((body) => body.includes(SECRET))).toBe(true);

    // ---- Test ----
    await branch.getByRole('button', { name: 'Test Branch emulator' }).click();
    await expect(branch).toContainText(/It sees 5 user pools: .*Branch Office/);
    await expect(branch).toContainText('Connected to the custom endpoint');
    await dialog.screenshot({ path: testInfo.outputPath('manager-tested.png') });
    await dialog.getByRole('button', { name: 'Close connections' }).click();
    await expect(dialog).toHaveCount(0);

    // ---- Use it: its pools, a pool, a user ----
    await chooseConnection(page, 'Branch emulator');
    await expect(page.getByRole('button', { name: /Connection/ })).toContainText('access keys · us-east-1');
    await poolsNav(page).getByRole('button', { name: /Branch Office/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Branch Office' })).toBeVisible();
    await page.getByLabel('Search text').fill('bob');
    await page.getByLabel('Search text').press('Enter');
    await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: /bob\.branch/ }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'bob.branch' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('using-branch.png') });

    // ---- Back to the demo: nothing of the other connection stays ----
    await chooseConnection(page, 'Offline demo');
    await expect(poolsNav(page).getByRole('button', { name: /Acme Staff/ })).toBeVisible();
    await expect(page.getByText('Branch Office')).toHaveCount(0);
    await expect(page.getByText('bob.branch')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Reset a caller’s password' })).toBeVisible();

    // ---- Rename ----
    dialog = await openManager(page);
    await card(dialog, 'Branch emulator').getByRole('button', { name: 'Rename Branch emulator' }).click();
    await dialog.getByRole('textbox', { name: 'New name' }).fill('Branch office emulator');
    await dialog.getByRole('button', { name: 'Save name' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Renamed to Branch office emulator' })).toBeVisible();
    const renamed = card(dialog, 'Branch office emulator');
    await expect(renamed).toBeVisible();

    // ---- Edit: the keys are not shown; left empty, the saved ones are kept ----
    await renamed.getByRole('button', { name: 'Edit Branch office emulator' }).click();
    const editForm = dialog.getByRole('form', { name: 'Edit Branch office emulator' });
    await expect(editForm.getByRole('textbox', { name: 'Access key id' })).toHaveValue('');
    await expect(editForm.getByRole('textbox', { name: 'Secret access key' })).toHaveValue('');
    await expect(editForm.getByText('Leave empty to keep the saved keys.', { exact: false })).toBeVisible();
    await expect(editForm.getByRole('combobox', { name: 'Region' })).toHaveValue('us-east-1');
    await expect(editForm.getByRole('textbox', { name: 'Custom endpoint (optional)' })).toHaveValue(emulator.endpoint);
    await dialog.screenshot({ path: testInfo.outputPath('form-edit.png') });
    await editForm.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Branch office emulator saved' })).toBeVisible();
    await renamed.getByRole('button', { name: 'Test Branch office emulator' }).click();
    await expect(renamed).toContainText(/It sees 5 user pools/);

    // ---- Nothing in the page holds the keys ----
    const kept = await whatThePageKeeps(page);
    for (const secret of [SECRET, KEY_ID]) {
      expect(kept.text, 'page text').not.toContain(secret);
      expect(kept.html, 'page markup').not.toContain(secret);
      expect(kept.fields.join('\n'), 'field values').not.toContain(secret);
      expect(kept.url, 'address').not.toContain(secret);
      expect(JSON.stringify(kept.localStorage), 'localStorage').not.toContain(secret);
      expect(JSON.stringify(kept.sessionStorage), 'sessionStorage').not.toContain(secret);
      expect(JSON.stringify(kept.indexedDb), 'IndexedDB').not.toContain(secret);
    }
    // Only the launch token lives in sessionStorage; nothing in localStorage.
    expect(Object.keys(kept.sessionStorage)).toEqual(['recovery-desk.token']);
    expect(kept.localStorage).toEqual({});
    // Nor the page's memory: after a full garbage collection, no string in the JS heap holds them.
    const heap = await heapSnapshot(page);
    expect(heap.length).toBeGreaterThan(100_000);
    expect(heap.includes(SECRET), 'the secret access key in the JS heap').toBe(false);
    expect(heap.includes(KEY_ID), 'the access key id in the JS heap').toBe(false);
    const bodies = await Promise.all(responseBodies);
    expect(bodies.length).toBeGreaterThan(10);
    for (const body of bodies) {
      expect(body, 'a response body').not.toContain(SECRET);
      expect(body, 'a response body').not.toContain(KEY_ID);
    }

    // ---- Delete, behind a confirmation ----
    await renamed.getByRole('button', { name: 'Delete Branch office emulator' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete Branch office emulator?' });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(renamed).toBeVisible();
    await renamed.getByRole('button', { name: 'Delete Branch office emulator' }).click();
    await confirm.getByRole('button', { name: 'Delete connection' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Branch office emulator deleted' })).toBeVisible();
    await expect(renamed).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close connections' }).click();
    await page.getByRole('button', { name: /Connection/ }).click();
    await expect(page.getByRole('option', { name: 'Offline demo' })).toBeVisible();
    await expect(page.getByRole('option', { name: /Branch/ })).toHaveCount(0);
    await page.keyboard.press('Escape');
  } finally {
    await emulator.stop();
  }
});

test('the form shows each problem next to its field: the contract\'s rules checked in the page, and what only the privileged side knows', async ({ page, appUrl }, testInfo) => {
  // Every save the page sends, to prove that a form refused in the page never leaves it.
  const saves: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/connections:save') saves.push(request.postData() ?? '');
  });
  await page.goto(appUrl);
  const dialog = await openManager(page);
  await dialog.getByRole('button', { name: 'Add a connection' }).click();
  const form = dialog.getByRole('form', { name: 'Add a connection' });
  await form.getByRole('radiogroup', { name: 'Where the credentials come from' }).getByText('Access keys', { exact: true }).click();

  // Nothing filled in: the required fields say so.
  await form.getByRole('button', { name: 'Save connection' }).click();
  await expect(form.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(/Give the connection a name/);
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await expect(form.getByRole('textbox', { name: 'Access key id' })).toHaveAccessibleDescription(/Type the access key id/);

  // A bad region and a bad endpoint: the contract's messages, on their fields.
  await form.getByRole('textbox', { name: 'Name' }).fill('Broken');
  await form.getByRole('textbox', { name: 'Access key id' }).fill(KEY_ID);
  await form.getByRole('textbox', { name: 'Secret access key' }).fill(SECRET);
  const region = form.getByRole('combobox', { name: 'Region' });
  await region.fill('Europe West');
  await region.press('Tab');
  const endpoint = form.getByRole('textbox', { name: 'Custom endpoint (optional)' });
  await endpoint.fill('ftp://files.example.com');
  await form.getByRole('button', { name: 'Save connection' }).click();
  await expect(region).toHaveAttribute('aria-invalid', 'true');
  await expect(region).toHaveAccessibleDescription(/A region looks like eu-west-1/);
  await expect(region).toBeFocused();
  await expect(endpoint).toHaveAttribute('aria-invalid', 'true');
  await expect(endpoint).toHaveAccessibleDescription(/starts with http:\/\/ or https:\/\//);
  await expect(form.getByRole('status')).toContainText('Nothing was saved: correct the 2 fields marked above.');
  await dialog.screenshot({ path: testInfo.outputPath('form-errors.png') });

  // Fixed; a lower-case key id and a made-up role ARN are the contract's too, refused in the page.
  await region.fill('eu-west-1');
  await region.press('Tab');
  await endpoint.fill('');
  const keyId = form.getByRole('textbox', { name: 'Access key id' });
  await keyId.fill('akia-lower-case-key');
  // By keyboard: the switch's input is visually hidden behind its label.
  await form.getByRole('switch', { name: 'Assume a role with these credentials' }).focus();
  await page.keyboard.press('Space');
  const roleArn = form.getByRole('textbox', { name: 'Role ARN' });
  await roleArn.fill('helpdesk-role');
  await form.getByRole('button', { name: 'Save connection' }).click();
  await expect(keyId).toHaveAccessibleDescription(/16–128 capital letters and digits/);
  await expect(keyId).toBeFocused();
  await expect(roleArn).toHaveAccessibleDescription(/A role ARN looks like arn:aws:iam::123456789012:role\/Helpdesk/);
  await expect(region).not.toHaveAttribute('aria-invalid', 'true');
  // Fixing a field takes its message away.
  await roleArn.fill('arn:aws:iam::123456789012:role/Helpdesk');
  await expect(roleArn).not.toHaveAccessibleDescription(/A role ARN looks like/);
  expect(saves, 'no save request while the page refuses the form').toEqual([]);

  // A user name and password in the endpoint are refused by the privileged side alone: said on the field all the same.
  await keyId.fill(KEY_ID);
  await endpoint.fill('http://operator:hunter2@127.0.0.1:9229');
  await form.getByRole('button', { name: 'Save connection' }).click();
  await expect(endpoint).toHaveAccessibleDescription(/Remove the user name and password from the URL/);
  await expect(endpoint).toHaveAttribute('aria-invalid', 'true');
  await expect(endpoint).toBeFocused();
  await expect(form.getByRole('status')).toContainText('Nothing was saved: correct the field marked above.');
  expect(saves).toHaveLength(1);
  // Its message stays until the field changes.
  await roleArn.fill('arn:aws:iam::123456789012:role/HelpdeskOps');
  await expect(endpoint).toHaveAttribute('aria-invalid', 'true');
  await endpoint.fill('');
  await expect(endpoint).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form).not.toContainText('Nothing was saved');

  // Nothing was saved: Cancel goes back to the list, which has only the demo.
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
});

test('profiles: SSO and role kinds listed, the region follows the profile, an expired SSO sign-in gives the command to copy, a role with MFA asks for a code', async ({
  page,
  context,
}, testInfo) => {
  // A shell of its own, with AWS config files that have an SSO profile and a role on top of it.
  const home = mkdtempSync(path.join(os.tmpdir(), 'recovery-desk-e2e-aws-'));
  const configFile = path.join(home, 'config');
  writeFileSync(
    configFile,
    [
      '[profile helpdesk-sso]',
      'sso_start_url = https://example.awsapps.com/start',
      'sso_region = eu-west-1',
      'sso_account_id = 123456789012',
      'sso_role_name = Helpdesk',
      'region = eu-west-1',
      '',
      '[profile helpdesk-role]',
      'role_arn = arn:aws:iam::123456789012:role/Helpdesk',
      'source_profile = helpdesk-sso',
      'region = eu-central-1',
      '',
    ].join('\n'),
  );
  const shell = await startWebShell({
    env: {
      HOME: home,
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
      AWS_PROFILE: 'helpdesk-sso',
      AWS_REGION: 'us-west-2',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(shell.appUrl);
    const dialog = await openManager(page);
    await dialog.getByRole('button', { name: 'Add a connection' }).click();
    const form = dialog.getByRole('form', { name: 'Add a connection' });

    // AWS_PROFILE is preselected, and its region with it.
    const profile = form.getByRole('button', { name: /Profile/ });
    await expect(profile).toContainText('helpdesk-sso');
    await expect(form.getByRole('combobox', { name: 'Region' })).toHaveValue('eu-west-1');
    await profile.click();
    await expect(page.getByRole('option', { name: 'helpdesk-sso' })).toContainText('SSO (IAM Identity Center) · eu-west-1');
    await expect(page.getByRole('option', { name: 'helpdesk-role' })).toContainText('Assumes a role · eu-central-1');
    await page.getByRole('option', { name: 'helpdesk-role' }).click();
    await expect(form.getByRole('combobox', { name: 'Region' })).toHaveValue('eu-central-1');
    await profile.click();
    await page.getByRole('option', { name: 'helpdesk-sso' }).click();
    await form.getByRole('textbox', { name: 'Name' }).fill('Helpdesk SSO');
    await form.getByRole('button', { name: 'Save connection' }).click();
    const sso = card(dialog, 'Helpdesk SSO');
    await expect(sso).toContainText('AWS profile helpdesk-sso');
    await expect(sso).toContainText('eu-west-1');

    // Not signed in: the error says so, with the command and a button that copies it.
    await sso.getByRole('button', { name: 'Test Helpdesk SSO' }).click();
    const failure = sso.getByRole('alert');
    await expect(failure).toContainText('Error SsoLoginRequired');
    await expect(sso.locator('.sso-command-text')).toHaveText('aws sso login --profile helpdesk-sso');
    await sso.getByRole('button', { name: 'Copy command' }).click();
    await expect(sso.getByRole('status').filter({ hasText: 'Command copied to the clipboard.' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('aws sso login --profile helpdesk-sso');
    await sso.screenshot({ path: testInfo.outputPath('sso-error.png') });

    // A role with an MFA device on top: Test asks for the code first, 6 digits only.
    await dialog.getByRole('button', { name: 'Add a connection' }).click();
    const roleForm = dialog.getByRole('form', { name: 'Add a connection' });
    await roleForm.getByRole('textbox', { name: 'Name' }).fill('Helpdesk role with MFA');
    await roleForm.getByRole('switch', { name: 'Assume a role with these credentials' }).focus();
    await page.keyboard.press('Space');
    await roleForm.getByRole('textbox', { name: 'Role ARN' }).fill('arn:aws:iam::123456789012:role/Helpdesk');
    await roleForm.getByRole('textbox', { name: 'MFA device (optional)' }).fill('arn:aws:iam::123456789012:mfa/operator');
    await roleForm.getByRole('button', { name: 'Save connection' }).click();
    const role = card(dialog, 'Helpdesk role with MFA');
    await expect(role).toContainText('asks for an MFA code');
    await role.getByRole('button', { name: 'Test Helpdesk role with MFA' }).click();
    const code = role.getByRole('textbox', { name: 'MFA code' });
    await expect(code).toBeFocused();
    await code.pressSequentially('12a4');
    await expect(code).toHaveValue('124');
    await role.getByRole('button', { name: 'Connect with this code' }).click();
    await expect(code).toHaveAccessibleDescription(/Enter the 6 digits/);
    await role.screenshot({ path: testInfo.outputPath('mfa-prompt.png') });
    await role.getByRole('button', { name: 'Cancel' }).click();
    await expect(code).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close connections' }).click();

    // Used from the main screen, the failed pool list brings the same way out, above the work area.
    await chooseConnection(page, 'Helpdesk SSO');
    await expect(page.getByRole('button', { name: /Connection/ })).toContainText('profile helpdesk-sso · eu-west-1');
    const attention = page.getByRole('region', { name: 'Helpdesk SSO needs your attention' });
    await expect(attention).toBeVisible();
    await expect(attention.locator('.sso-command-text')).toHaveText('aws sso login --profile helpdesk-sso');
    await expect(attention.getByRole('button', { name: 'I have signed in: try again' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('attention-sso.png') });
    await chooseConnection(page, 'Offline demo');
    await expect(attention).toHaveCount(0);
  } finally {
    // Off this shell's page before it stops, so no request is cut off (the fixture counts those as page errors).
    await page.goto('about:blank');
    await shell.stop();
    rmSync(home, { recursive: true, force: true });
  }
});

test('a damaged connections file: the shell sets it aside and the page says so, in the header and in the manager', async ({ page, appUrl, webShell }) => {
  // The shell reads the file on the first connections call, so it can be damaged before the page opens.
  writeFileSync(path.join(webShell.dataDir, 'connections.json'), '{"connections": [ this is not JSON');
  await page.goto(appUrl);
  const notice = page.getByRole('banner').getByRole('status').filter({ hasText: 'could not be used' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Add your connections again');
  // The demo still works.
  await expect(poolsNav(page).getByRole('button', { name: /Acme Staff/ })).toBeVisible();
  const dialog = await openManager(page);
  await expect(dialog.getByRole('status').filter({ hasText: 'could not be used' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close connections' }).click();
  await notice.getByRole('button', { name: 'Dismiss the connections message' }).click();
  await expect(notice).toHaveCount(0);
});

test('keys kept in memory only are gone after a restart: the connection says so, and its failed calls lead to the keys form', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'recovery-desk-e2e-restart-'));
  let shell = await startWebShell({ args: ['--data-dir', dataDir] });
  try {
    await page.goto(shell.appUrl);
    let dialog = await openManager(page);
    await dialog.getByRole('button', { name: 'Add a connection' }).click();
    const form = dialog.getByRole('form', { name: 'Add a connection' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Temporary keys');
    await form.getByRole('radiogroup', { name: 'Where the credentials come from' }).getByText('Access keys', { exact: true }).click();
    await form.getByRole('textbox', { name: 'Access key id' }).fill(KEY_ID);
    await form.getByRole('textbox', { name: 'Secret access key' }).fill(SECRET);
    await form.getByRole('combobox', { name: 'Region' }).fill('eu-west-1');
    await form.getByRole('combobox', { name: 'Region' }).press('Tab');
    await form.getByRole('button', { name: 'Save connection' }).click();
    await expect(card(dialog, 'Temporary keys')).toContainText('Kept in memory until you close Recovery Desk (browser shell)');

    // The same data folder, a new process: the connection is there, its keys are not. (The page
    // leaves first, so no request of it is cut off by the stop.)
    await page.goto('about:blank');
    await shell.stop();
    shell = await startWebShell({ args: ['--data-dir', dataDir] });
    await page.goto(shell.appUrl);
    dialog = await openManager(page);
    const temporary = card(dialog, 'Temporary keys');
    await expect(temporary).toContainText('Re-enter keys: this session has restarted');
    await expect(temporary).toContainText('Needs keys');
    await expect(temporary.getByRole('button', { name: 'Test Temporary keys' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Close connections' }).click();

    // Used anyway: the pool list fails, and the way out opens the form on this connection.
    await chooseConnection(page, 'Temporary keys');
    const attention = page.getByRole('region', { name: 'Temporary keys needs your attention' });
    await expect(attention).toContainText('The keys of this connection are gone');
    await attention.getByRole('button', { name: 'Re-enter keys' }).click();
    const editForm = manager(page).getByRole('form', { name: 'Edit Temporary keys' });
    await expect(editForm).toBeVisible();
    await expect(editForm.getByText('The saved keys are gone (this session has restarted): type them again.')).toBeVisible();
    await editForm.getByRole('button', { name: 'Save changes' }).click();
    await expect(editForm.getByRole('textbox', { name: 'Access key id' })).toHaveAccessibleDescription(/Type the access key id/);
    await expect(editForm.getByRole('textbox', { name: 'Secret access key' })).toHaveAccessibleDescription(/Type the secret access key/);
    await editForm.getByRole('textbox', { name: 'Access key id' }).fill(KEY_ID);
    await editForm.getByRole('textbox', { name: 'Secret access key' }).fill(SECRET);
    await editForm.getByRole('button', { name: 'Save changes' }).click();
    await expect(card(manager(page), 'Temporary keys')).toContainText('Kept in memory until you close Recovery Desk (browser shell)');
  } finally {
    await page.goto('about:blank');
    await shell.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('by keyboard: open the manager, add a connection with Enter, Escape keeps a form open and closes the list', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await expect(poolsNav(page).getByRole('button', { name: /Acme Staff/ })).toBeVisible();
  const open = page.getByRole('button', { name: 'Manage connections' });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = manager(page);
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Add a connection' }).focus();
  await page.keyboard.press('Enter');
  const form = dialog.getByRole('form', { name: 'Add a connection' });
  await expect(form.getByRole('heading', { name: 'Add a connection' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Default chain, Ireland');
  // Into the kind choice; arrows move between the kinds.
  await page.keyboard.press('Tab');
  await expect(form.getByRole('radio', { name: 'An AWS profile' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(form.getByRole('radio', { name: 'The default AWS credentials' })).toBeChecked();
  await form.getByRole('combobox', { name: 'Region' }).focus();
  await page.keyboard.type('eu-west-1');
  await page.keyboard.press('Escape');
  // Escape closes the suggestions, not the form.
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeVisible();
  await form.getByRole('textbox', { name: 'Name' }).focus();
  await page.keyboard.press('Enter');

  await expect(dialog.getByRole('status').filter({ hasText: 'Default chain, Ireland added' })).toBeVisible();
  const added = card(dialog, 'Default chain, Ireland');
  await expect(added.getByRole('heading', { name: 'Default chain, Ireland' })).toBeFocused();
  await expect(added).toContainText('Default AWS credentials');
  await expect(added).toContainText('eu-west-1');

  // On the list, Escape closes the manager and gives focus back to its button.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();
  await page.getByRole('button', { name: /Connection/ }).click();
  await expect(page.getByRole('option', { name: 'Default chain, Ireland' })).toContainText('Default AWS credentials · eu-west-1');
  await page.keyboard.press('Escape');
});
