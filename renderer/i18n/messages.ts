import { UI_LANGUAGES } from '../../shared/contract';
import deApp from './catalogs/de/app.json';
import deCommon from './catalogs/de/common.json';
import deConnections from './catalogs/de/connections.json';
import deErrors from './catalogs/de/errors.json';
import deRecovery from './catalogs/de/recovery.json';
import deValidation from './catalogs/de/validation.json';
import dePools from './catalogs/de/pools.json';
import deUsers from './catalogs/de/users.json';
import enApp from './catalogs/en/app.json';
import enCommon from './catalogs/en/common.json';
import enConnections from './catalogs/en/connections.json';
import enErrors from './catalogs/en/errors.json';
import enRecovery from './catalogs/en/recovery.json';
import enValidation from './catalogs/en/validation.json';
import enPools from './catalogs/en/pools.json';
import enUsers from './catalogs/en/users.json';

// The catalogs: one JSON file per area and language, flat ids prefixed by the area ("recovery.…").
// English is the reference: its ids are the type every other language must fill completely (the type
// checker finds a missing translation), and the catalog test finds extra, unused or mismatched ones.

export const en = {
  ...enCommon,
  ...enErrors,
  ...enValidation,
  ...enConnections,
  ...enApp,
  ...enPools,
  ...enUsers,
  ...enRecovery,
};

export type MessageId = keyof typeof en;
export type Catalog = Readonly<Record<MessageId, string>>;

export const de: Catalog = {
  ...deCommon,
  ...deErrors,
  ...deValidation,
  ...deConnections,
  ...deApp,
  ...dePools,
  ...deUsers,
  ...deRecovery,
};

export type Language = (typeof UI_LANGUAGES)[number];

export const catalogs: Readonly<Record<Language, Catalog>> = { en, de };
