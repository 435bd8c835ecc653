import { z } from 'zod';

/**
 * A file of the data folder that could not be used at start, as facts the page words: which file,
 * where, why, and where it was moved so nothing is lost.
 */
export const FileProblem = z.object({
  file: z.enum(['settings', 'connections', 'window-state', 'demo-data', 'demo-inbox', 'audit-position']),
  path: z.string().max(4096),
  /** empty; not-json; invalid: JSON of the wrong shape; unreadable: the system refused (errno). */
  reason: z.enum(['empty', 'not-json', 'invalid', 'unreadable']),
  /** For unreadable: the system's error code, e.g. EACCES. */
  errno: z.string().max(64).optional(),
  /** For invalid: where in the file (field paths). */
  where: z.string().max(400).optional(),
  movedTo: z.string().max(4096).optional(),
});
export type FileProblem = z.infer<typeof FileProblem>;
