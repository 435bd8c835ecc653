import { UI_LANGUAGES } from '../../shared/contract';
import deAllPools from './catalogs/de/all-pools.json';
import deApp from './catalogs/de/app.json';
import deAudit from './catalogs/de/audit.json';
import deCommon from './catalogs/de/common.json';
import deConnections from './catalogs/de/connections.json';
import deDemo from './catalogs/de/demo.json';
import deErrors from './catalogs/de/errors.json';
import deFactors from './catalogs/de/factors.json';
import dePools from './catalogs/de/pools.json';
import deRecovery from './catalogs/de/recovery.json';
import deSettings from './catalogs/de/settings.json';
import deUsers from './catalogs/de/users.json';
import deSecurity from './catalogs/de/security.json';
import deValidation from './catalogs/de/validation.json';
import enAllPools from './catalogs/en/all-pools.json';
import enApp from './catalogs/en/app.json';
import enAudit from './catalogs/en/audit.json';
import enCommon from './catalogs/en/common.json';
import enConnections from './catalogs/en/connections.json';
import enDemo from './catalogs/en/demo.json';
import enErrors from './catalogs/en/errors.json';
import enFactors from './catalogs/en/factors.json';
import enPools from './catalogs/en/pools.json';
import enRecovery from './catalogs/en/recovery.json';
import enSettings from './catalogs/en/settings.json';
import enUsers from './catalogs/en/users.json';
import enSecurity from './catalogs/en/security.json';
import enValidation from './catalogs/en/validation.json';

// The catalogs: one JSON file per area and language, flat ids prefixed by the area ("recovery.…").
// English is the reference: its ids are the type every other language must fill completely (the type
// checker finds a missing translation), and the catalog test finds extra, unused or mismatched ones.

export const en = {
  ...enCommon,
  ...enErrors,
  ...enValidation,
  ...enApp,
  ...enConnections,
  ...enPools,
  ...enUsers,
  ...enAllPools,
  ...enRecovery,
  ...enAudit,
  ...enSettings,
  ...enDemo,
  ...enSecurity,
  ...enFactors,
};

export type MessageId = keyof typeof en;
export type Catalog = Readonly<Record<MessageId, string>>;

export const de: Catalog = {
  ...deCommon,
  ...deErrors,
  ...deValidation,
  ...deApp,
  ...deConnections,
  ...dePools,
  ...deUsers,
  ...deAllPools,
  ...deRecovery,
  ...deAudit,
  ...deSettings,
  ...deDemo,
  ...deSecurity,
  ...deFactors,
};

export type Language = (typeof UI_LANGUAGES)[number];

export const catalogs: Readonly<Record<Language, Catalog>> = { en, de };
