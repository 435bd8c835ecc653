import type { UiLanguage } from '../../shared/ui-language';

// The desktop shell's own words: the application menu, the About panel and the native dialogs. The
// page's words are in renderer/i18n; these are the few the main process shows itself, in the same
// language (shared/ui-language.ts picks it for both). No Electron import: unit-tested in plain Node.
//
// English is the reference: every other language is typed from it, so a missing word does not compile.
// Labels with an ampersand would be read as an access key on Windows and Linux: none has one.

const en = {
  // The menus (Electron's role items would otherwise say these in English, whatever the system's language).
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  /** File › Close on Windows and Linux. */
  close: 'Close',
  /** File › Close on macOS, where Close alone would be ambiguous. */
  closeWindow: 'Close Window',
  /** File › Exit on Windows, as Windows names it. */
  exit: 'Exit',
  /** File › Quit on Linux. */
  quit: 'Quit',
  /** The application menu's last item on macOS. */
  quitApp: 'Quit Recovery Desk',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  reload: 'Reload',
  forceReload: 'Force Reload',
  toggleDevTools: 'Toggle Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullScreen: 'Toggle Full Screen',
  minimize: 'Minimize',
  /** Window › Zoom on macOS: the window fills the screen's space, not the full screen. */
  zoom: 'Zoom',
  bringAllToFront: 'Bring All to Front',
  openDiagnosticLogFolder: 'Open Diagnostic Log Folder',
  /** Help › About on Linux. */
  about: 'About',
  /** Help › About on Windows, and the application menu's first item on macOS. */
  aboutApp: 'About Recovery Desk',
  // The application menu on macOS.
  services: 'Services',
  hideApp: 'Hide Recovery Desk',
  hideOthers: 'Hide Others',
  showAll: 'Show All',

  // The About panel.
  copyright: 'Copyright \u00a9 Recovery Desk contributors',
  licenses: (file: string) =>
    `Recovery Desk is released under the MIT License. The open-source packages it includes, and their licenses, are listed in ${file}, shipped with the app.`,

  // Leaving the page while a reset is under way (window.ts).
  leaveQuestion: 'Leave this password reset?',
  leaveDetail: 'A reset is under way: the code, the password and the ticket typed here will be lost.',
  leave: 'Leave',
  stay: 'Stay',

  // The error box when the app cannot start (index.ts); the reason comes from where it failed.
  startFailed: 'Recovery Desk could not start',
};

export type MenuWords = typeof en;

const de: MenuWords = {
  file: 'Datei',
  edit: 'Bearbeiten',
  view: 'Ansicht',
  window: 'Fenster',
  help: 'Hilfe',
  close: 'Schließen',
  closeWindow: 'Fenster schließen',
  exit: 'Beenden',
  quit: 'Beenden',
  quitApp: 'Recovery Desk beenden',
  undo: 'Rückgängig',
  redo: 'Wiederholen',
  cut: 'Ausschneiden',
  copy: 'Kopieren',
  paste: 'Einfügen',
  selectAll: 'Alles auswählen',
  reload: 'Neu laden',
  forceReload: 'Neu laden erzwingen',
  toggleDevTools: 'Entwicklertools ein-/ausblenden',
  resetZoom: 'Originalgröße',
  zoomIn: 'Vergrößern',
  zoomOut: 'Verkleinern',
  toggleFullScreen: 'Vollbildmodus ein/aus',
  minimize: 'Minimieren',
  zoom: 'Zoomen',
  bringAllToFront: 'Alle nach vorne bringen',
  openDiagnosticLogFolder: 'Ordner des Diagnoseprotokolls öffnen',
  about: 'Über',
  aboutApp: 'Über Recovery Desk',
  services: 'Dienste',
  hideApp: 'Recovery Desk ausblenden',
  hideOthers: 'Andere ausblenden',
  showAll: 'Alle einblenden',

  copyright: 'Copyright \u00a9 Mitwirkende von Recovery Desk',
  licenses: (file: string) =>
    `Recovery Desk steht unter der MIT-Lizenz. Die enthaltenen Open-Source-Pakete und ihre Lizenzen sind in der mitgelieferten Datei ${file} aufgeführt.`,

  leaveQuestion: 'Diese Passwortzurücksetzung verlassen?',
  leaveDetail: 'Eine Zurücksetzung läuft: Der Code, das Passwort und das Ticket, die Sie hier eingegeben haben, gehen verloren.',
  leave: 'Verlassen',
  stay: 'Bleiben',

  startFailed: 'Recovery Desk konnte nicht gestartet werden',
};

/** Every language's words; a language added to UI_LANGUAGES must be added here (the type says so). */
export const MENU_WORDS: Readonly<Record<UiLanguage, MenuWords>> = { en, de };

