import { UI_LANGUAGES } from '../../shared/contract';
import deAudit from './catalogs/de/audit.json';
import deCommon from './catalogs/de/common.json';
import deDemo from './catalogs/de/demo.json';
import deErrors from './catalogs/de/errors.json';
import deSettings from './catalogs/de/settings.json';
import enAudit from './catalogs/en/audit.json';
import enCommon from './catalogs/en/common.json';
import enDemo from './catalogs/en/demo.json';
import enErrors from './catalogs/en/errors.json';
import enSettings from './catalogs/en/settings.json';

// The catalogs: one JSON file per area and language, flat ids prefixed by the area ("recovery.…").
// English is the reference: its ids are the type every other language must fill completely (the type
// checker finds a missing translation), and the catalog test finds extra, unused or mismatched ones.

export const en = {
  ...enCommon,
  ...enErrors,
  ...enAudit,
  ...enSettings,
  ...enDemo,
};

export type MessageId = keyof typeof en;
export type Catalog = Readonly<Record<MessageId, string>>;

export const de: Catalog = {
  ...deCommon,
  ...deErrors,
  ...deAudit,
  ...deSettings,
  ...deDemo,
};

export type Language = (typeof UI_LANGUAGES)[number];

export const catalogs: Readonly<Record<Language, Catalog>> = { en, de };
