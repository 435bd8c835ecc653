import { UI_LANGUAGES } from '../../shared/contract';
import deCommon from './catalogs/de/common.json';
import deConnections from './catalogs/de/connections.json';
import deErrors from './catalogs/de/errors.json';
import deValidation from './catalogs/de/validation.json';
import enCommon from './catalogs/en/common.json';
import enConnections from './catalogs/en/connections.json';
import enErrors from './catalogs/en/errors.json';
import enValidation from './catalogs/en/validation.json';

// The catalogs: one JSON file per area and language, flat ids prefixed by the area ("recovery.…").
// English is the reference: its ids are the type every other language must fill completely (the type
// checker finds a missing translation), and the catalog test finds extra, unused or mismatched ones.

export const en = {
  ...enCommon,
  ...enErrors,
  ...enValidation,
  ...enConnections,
};

export type MessageId = keyof typeof en;
export type Catalog = Readonly<Record<MessageId, string>>;

export const de: Catalog = {
  ...deCommon,
  ...deErrors,
  ...deValidation,
  ...deConnections,
};

export type Language = (typeof UI_LANGUAGES)[number];

export const catalogs: Readonly<Record<Language, Catalog>> = { en, de };
