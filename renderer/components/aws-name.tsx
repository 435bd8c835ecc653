import type { ReactNode } from 'react';

/**
 * A name as AWS writes it (an attribute, a status, an operation) inside a sentence: the same in every
 * language, so it is marked as no text to translate (for the browser's translation, and the checks).
 */
export const awsName = (chunks: ReactNode[]) => <span translate="no">{chunks}</span>;
