import { electronAvailable, expect, SKIP_REASON, test, type Desktop } from './desktop';

// The application menu speaks the operator's language (issue 11): the one chosen in Settings applies at
// once, without a restart; the page is told the system's languages so it follows them as the menus do.

test.skip(!electronAvailable, SKIP_REASON);

type Api = Record<string, (request: unknown) => Promise<{ ok: boolean; data?: { language?: string; systemLanguages?: string[] } }>>;

/** Saves the language as the Settings screen does, through the page's own API. */
async function chooseLanguage(desktop: Desktop, language: 'system' | 'en' | 'de') {
  const saved = await desktop.window.evaluate(
    (choice) => (window as unknown as { recoveryDesk: Api }).recoveryDesk['settings:update']?.({ language: choice }),
    language,
  );
  expect(saved?.ok).toBe(true);
}

/** The menus' titles and, per menu, its items' labels (separators left out). */
function menuLabels(desktop: Desktop) {
  return desktop.app.evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.items ?? []).map((menu) => ({
      label: menu.label,
      items: (menu.submenu?.items ?? []).filter((item) => item.type !== 'separator').map((item) => item.label),
    })),
  );
}

test('the menus follow the language chosen in Settings, at once', async ({ desktop }) => {
  const mac = process.platform === 'darwin';
  const titles = async () => (await menuLabels(desktop)).slice(mac ? 1 : 0).map((menu) => menu.label);

  await chooseLanguage(desktop, 'de');
  await expect.poll(titles).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
  const german = await menuLabels(desktop);
  expect(german.find((menu) => menu.label === 'Bearbeiten')?.items).toEqual(['Rückgängig', 'Wiederholen', 'Ausschneiden', 'Kopieren', 'Einfügen', 'Alles auswählen']);
  expect(german.find((menu) => menu.label === 'Hilfe')?.items[0]).toBe('Ordner des Diagnoseprotokolls öffnen');

  await chooseLanguage(desktop, 'en');
  await expect.poll(titles).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  const english = await menuLabels(desktop);
  expect(english.find((menu) => menu.label === 'Edit')?.items).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select All']);
});

test('the page is told the system’s languages, as Electron reads them', async ({ desktop }) => {
  const system = await desktop.app.evaluate(({ app }) => app.getPreferredSystemLanguages());
  const settings = await desktop.window.evaluate(() => (window as unknown as { recoveryDesk: Api }).recoveryDesk['settings:get']?.({}));
  expect(settings?.data?.systemLanguages).toEqual(system);
});
