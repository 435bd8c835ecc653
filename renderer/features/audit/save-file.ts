/** A file the page hands to the browser (or Electron's Save dialog) to keep. */
export interface FileToSave {
  filename: string;
  mediaType: string;
  content: string;
}

// Long enough for the download to have taken hold of the data; the Electron shell allows a
// download only from a blob: URL our own page created, so this is the one way files leave the page.
const REVOKE_AFTER_MS = 60_000;

/** Saves text as a file through an <a download> on a short-lived object URL. */
export function saveFile({ filename, mediaType, content }: FileToSave): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
