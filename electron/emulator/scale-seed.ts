import { client, person, workforcePool, type PersonSpec, type SeedClient, type SeedPool, type SeedUser } from './seed';

// "Acme Scale": a pool of N generated users, for trying the console and the emulator at real pool
// sizes (issue 14). Pure and deterministic: user n is a function of n alone (an integer hash, no
// Math.random, dates derived from n), so the same N gives the same pool on every machine, and a test
// or bench can name user n without generating the others.

export const SCALE_POOL_ID = 'us-east-1_AcmeScale1';
export const SCALE_POOL_NAME = 'Acme Scale';
export const SCALE_CLIENT_ID = 'acmescalepublic000000001';
export const SCALE_MIN_USERS = 1;
export const SCALE_MAX_USERS = 100_000;
/** The pool's tag recording how many users were generated, so a start with the same N keeps the file. */
export const SCALE_GENERATED_USERS_TAG = 'recovery-desk:generated-users';

export interface ScaleSeed {
  pool: SeedPool;
  users: SeedUser[];
  clients: SeedClient[];
}

/** A whole number from SCALE_MIN_USERS to SCALE_MAX_USERS, or undefined: the caller names the setting in its error. */
export function parseScaleUserCount(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const count = Number(trimmed);
  return count >= SCALE_MIN_USERS && count <= SCALE_MAX_USERS ? count : undefined;
}

export const SCALE_USER_COUNT_RULE = `a whole number from ${SCALE_MIN_USERS} to ${SCALE_MAX_USERS.toLocaleString('en-US')}`;

export const SCALE_USERS_ENV = 'RECOVERY_DESK_DEMO_USERS';

/** An explicit count wins; without one, RECOVERY_DESK_DEMO_USERS (unset or empty: no Acme Scale pool). */
export function resolveScaleUsers(option: number | undefined, env: NodeJS.ProcessEnv): number | undefined {
  if (option !== undefined) return option;
  const value = env[SCALE_USERS_ENV];
  if (value === undefined || value.trim() === '') return undefined;
  const count = parseScaleUserCount(value);
  if (count === undefined) throw new Error(`${SCALE_USERS_ENV} must be ${SCALE_USER_COUNT_RULE}, not "${value}".`);
  return count;
}

export function buildScaleSeed(userCount: number): ScaleSeed {
  if (!Number.isInteger(userCount) || userCount < SCALE_MIN_USERS || userCount > SCALE_MAX_USERS) {
    throw new RangeError(`The Acme Scale pool holds ${SCALE_USER_COUNT_RULE} users, not ${userCount}.`);
  }
  const users = Array.from({ length: userCount }, (_, index) => person(SCALE_POOL_ID, scalePersonSpec(index + 1)));
  return {
    pool: scalePool(userCount),
    users,
    clients: [scaleClient()],
  };
}

/** The pool's one app client: public, and it hides whether a user exists, as a customer app would. */
export function scaleClient(): SeedClient {
  return client(SCALE_CLIENT_ID, 'scale-app', SCALE_POOL_ID, 'ENABLED');
}

/** The n-th user's username (1-based): given.family.nnnnnn, lower-case ASCII, so it sorts by name then n. */
export function scaleUsername(n: number): string {
  const { given, family } = namesOf(n);
  return `${given.ascii}.${family.ascii}.${String(n).padStart(6, '0')}`;
}

/** The n-th user's email: starts with the given name, so a search by its prefix finds them. */
export function scaleUserEmail(n: number): string {
  const { given, family } = namesOf(n);
  return `${given.ascii}.${family.ascii}${n}@${pick(EMAIL_DOMAINS, n, 'domain')}`;
}

function scalePool(userCount: number): SeedPool {
  return {
    ...workforcePool(SCALE_POOL_ID, SCALE_POOL_NAME, userCount),
    // Recovery as in Acme Staff: a verified email first, then a verified phone.
    AccountRecoverySetting: {
      RecoveryMechanisms: [
        { Name: 'verified_email', Priority: 1 },
        { Name: 'verified_phone_number', Priority: 2 },
      ],
    },
    AliasAttributes: ['email', 'preferred_username'],
    MfaConfiguration: 'OPTIONAL',
    // Customers sign themselves up.
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
    UserPoolTags: { [SCALE_GENERATED_USERS_TAG]: String(userCount) },
  };
}

/** Shares out of 1000, so the mix reads like a real customer base: mostly confirmed, a few of everything else. */
function statusOf(n: number): SeedUser['UserStatus'] {
  const roll = hash(n, 'status') % 1000;
  if (roll < 40) return 'FORCE_CHANGE_PASSWORD';
  if (roll < 70) return 'RESET_REQUIRED';
  if (roll < 110) return 'UNCONFIRMED';
  if (roll < 130) return 'EXTERNAL_PROVIDER';
  return 'CONFIRMED';
}

const FIRST_CREATED = Date.parse('2022-01-03T08:00:00.000Z');
/** One new user every 11 minutes on average: 50,000 users span about a year. */
const MINUTES_BETWEEN_USERS = 11;

function scalePersonSpec(n: number): PersonSpec {
  const { culture, given, family } = namesOf(n);
  const status = statusOf(n);
  // Signed up, never confirmed: nothing verified yet. Federated users' email comes verified from Google.
  const unconfirmed = status === 'UNCONFIRMED';
  const roll = hash(n, 'channels') % 100;
  const hasEmail = status === 'EXTERNAL_PROVIDER' || roll >= 5;
  const hasPhone = status !== 'EXTERNAL_PROVIDER' && (roll < 5 || roll >= 40);
  const emailVerified = !unconfirmed && (status === 'EXTERNAL_PROVIDER' || hash(n, 'email-verified') % 100 >= 15);
  const phoneVerified = !unconfirmed && hash(n, 'phone-verified') % 100 >= 30;
  const mfaRoll = hash(n, 'mfa') % 100;
  const mfa = status !== 'CONFIRMED' ? undefined : mfaRoll < 8 && hasPhone && phoneVerified ? 'SMS_MFA' : mfaRoll >= 90 ? 'SOFTWARE_TOKEN_MFA' : undefined;
  const created = FIRST_CREATED + n * MINUTES_BETWEEN_USERS * 60_000 + (hash(n, 'created') % 600) * 1_000;
  return {
    username: scaleUsername(n),
    given: given.display,
    family: family.display,
    name: culture.familyFirst ? `${family.display}${given.display}` : `${given.display} ${family.display}`,
    ...(hasEmail ? { email: { address: scaleUserEmail(n), verified: emailVerified } } : {}),
    ...(hasPhone ? { phone: { number: `${culture.phonePrefix}${String(n).padStart(7, '0')}`, verified: phoneVerified } } : {}),
    enabled: hash(n, 'enabled') % 100 >= 3,
    status,
    ...(mfa ? { mfa } : {}),
    // An alias some users sign in with; n keeps it unique.
    ...(hash(n, 'alias') % 100 < 10 ? { preferredUsername: `${given.ascii}${n}` } : {}),
    ...(status === 'EXTERNAL_PROVIDER'
      ? { attributes: { identities: JSON.stringify([{ userId: String(100_000_000_000 + n), providerName: 'Google', providerType: 'Google', primary: true, dateCreated: created }]) } }
      : {}),
    created: new Date(created).toISOString(),
  };
}

interface ScaleName {
  /** As written, NFC. */
  display: string;
  /** Lower-case ASCII, for usernames and emails. */
  ascii: string;
}

interface Culture {
  given: readonly ScaleName[];
  family: readonly ScaleName[];
  /** Country code and a mobile prefix; with n in 7 digits after it, every number is unique and E.164. */
  phonePrefix: string;
  /** "name" is family then given, without a space (Chinese, Japanese). */
  familyFirst?: boolean;
}

/** Latin names, ASCII-folded: accents dropped, and the letters that have no accent to drop spelled out. */
function latin(names: readonly string[]): ScaleName[] {
  const spelled: Record<string, string> = { ø: 'o', ß: 'ss', ł: 'l', æ: 'ae', đ: 'd', ı: 'i', œ: 'oe', å: 'a' };
  return names.map((name) => {
    const display = name.normalize('NFC');
    const ascii = display
      .toLowerCase()
      .replace(/[øßłæđıœå]/g, (letter) => spelled[letter] ?? letter)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]/g, '');
    return { display, ascii };
  });
}

/** Names in other scripts, each with its usual romanisation. */
function romanised(names: Record<string, string>): ScaleName[] {
  return Object.entries(names).map(([display, ascii]) => ({ display: display.normalize('NFC'), ascii }));
}

const CULTURES: readonly Culture[] = [
  {
    given: latin(['Olivia', 'James', 'Amelia', 'Oliver', 'Charlotte', 'Harry', 'Emily', 'George', 'Grace', 'Noah', 'Sophie', 'Jack']),
    family: latin(['Smith', 'Johnson', 'Williams', 'Brown', 'Taylor', 'Davies', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker']),
    phonePrefix: '+1555',
  },
  {
    given: latin(['Amélie', 'Léa', 'Hélène', 'Jérôme', 'François', 'Noël', 'Chloé', 'Benoît', 'Zoé', 'Maël']),
    family: latin(['Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Bérenger', 'Fontaine', 'Chevalier', 'Rousseau', 'Lemaître']),
    phonePrefix: '+3361',
  },
  {
    given: latin(['Jürgen', 'Jörg', 'Lukas', 'Käthe', 'Matthias', 'Uwe', 'Lena', 'Björn', 'Anneliese', 'Günter']),
    family: latin(['Müller', 'Schäfer', 'Weiß', 'Groß', 'Köhler', 'Strauß', 'Becker', 'Schröder', 'Hoffmann']),
    phonePrefix: '+49151',
  },
  {
    given: latin(['Søren', 'Bjørn', 'Åsa', 'Ingrid', 'Kjersti', 'Æsa', 'Jørgen', 'Sigrid', 'Øystein']),
    family: latin(['Sørensen', 'Løvgren', 'Åberg', 'Ødegaard', 'Hansen', 'Lindqvist', 'Bjørklund', 'Dahl']),
    phonePrefix: '+4741',
  },
  {
    given: latin(['Łukasz', 'Zofia', 'Małgorzata', 'Wojciech', 'Paweł', 'Agnieszka', 'Jędrzej', 'Katarzyna']),
    family: latin(['Kowalski', 'Wiśniewska', 'Łuczak', 'Żak', 'Dąbrowski', 'Nowak', 'Wójcik', 'Szymańska']),
    phonePrefix: '+4860',
  },
  {
    given: latin(['José', 'María', 'Iñaki', 'Begoña', 'Nuño', 'Sofía', 'Andrés', 'Lucía', 'Ramón', 'Inés']),
    family: latin(['Muñoz', 'Núñez', 'García', 'Ibáñez', 'Peña', 'Fernández', 'López', 'Martínez', 'Gómez']),
    phonePrefix: '+3461',
  },
  {
    given: latin(['Çağrı', 'Gülşen', 'Ömer', 'Şule', 'Barış', 'Ayşe', 'Mehmet', 'Elif']),
    family: latin(['Yılmaz', 'Öztürk', 'Çelik', 'Şahin', 'Doğan', 'Kılıç', 'Aydın']),
    phonePrefix: '+90532',
  },
  {
    given: latin(['Anh', 'Thảo', 'Minh', 'Phương', 'Đức', 'Hạnh', 'Quốc']),
    family: latin(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi']),
    phonePrefix: '+8491',
  },
  {
    given: romanised({ 伟: 'wei', 芳: 'fang', 娜: 'na', 秀英: 'xiuying', 敏: 'min', 静: 'jing', 磊: 'lei', 洋: 'yang' }),
    family: romanised({ 王: 'wang', 李: 'li', 张: 'zhang', 刘: 'liu', 陈: 'chen', 杨: 'yang', 黄: 'huang' }),
    phonePrefix: '+86139',
    familyFirst: true,
  },
  {
    given: romanised({ 陽翔: 'haruto', さくら: 'sakura', 蓮: 'ren', 結衣: 'yui', 大翔: 'hiroto', 葵: 'aoi' }),
    family: romanised({ 佐藤: 'sato', 鈴木: 'suzuki', 高橋: 'takahashi', 田中: 'tanaka', 渡辺: 'watanabe', 伊藤: 'ito' }),
    phonePrefix: '+8190',
    familyFirst: true,
  },
  {
    given: romanised({ Γιώργος: 'giorgos', Μαρία: 'maria', Νίκος: 'nikos', Ελένη: 'eleni', Δημήτρης: 'dimitris' }),
    family: romanised({ Παπαδόπουλος: 'papadopoulos', Οικονόμου: 'oikonomou', Γεωργίου: 'georgiou', Νικολάου: 'nikolaou' }),
    phonePrefix: '+30694',
  },
  {
    given: romanised({ Анна: 'anna', Дмитрий: 'dmitry', Ольга: 'olga', Сергей: 'sergey', Татьяна: 'tatyana' }),
    family: romanised({ Иванова: 'ivanova', Смирнов: 'smirnov', Кузнецова: 'kuznetsova', Попов: 'popov', Соколова: 'sokolova' }),
    phonePrefix: '+7916',
  },
];

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example', 'post.example', 'inbox.example'];

function namesOf(n: number): { culture: Culture; given: ScaleName; family: ScaleName } {
  const culture = pick(CULTURES, n, 'culture');
  return { culture, given: pick(culture.given, n, 'given'), family: pick(culture.family, n, 'family') };
}

function pick<T>(list: readonly T[], n: number, purpose: string): T {
  const item = list[hash(n, purpose) % list.length];
  if (item === undefined) throw new Error(`Nothing to pick from for ${purpose}.`);
  return item;
}

/** A 32-bit integer hash of n and a purpose (FNV-1a over the purpose, then murmur3's finaliser): independent draws per purpose. */
function hash(n: number, purpose: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < purpose.length; index += 1) h = Math.imul(h ^ purpose.charCodeAt(index), 0x01000193);
  h ^= n;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
