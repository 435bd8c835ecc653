import type { ReactNode } from 'react';
import type { ResponseOf } from '../../shared/contract';
import type { ApiError, ErrorCode } from '../../shared/errors';
import type { FileProblem } from '../../shared/file-problem';
import { en, type MessageId } from '../i18n/messages';
import type { Translate } from '../i18n/use-t';

// A failure in the operator's words. The privileged side sends a code, a cause and facts; each code
// has standard words (errors.<Code>.message, .guidance, .tellCaller) and a cause or, for an outcome in
// doubt, the action replaces the parts it words differently (errors.<Code>.<cause>.<part>).

type Part = 'message' | 'guidance' | 'tellCaller';
type ConnectionsList = ResponseOf<'connections:list'>;

/** How a command inside the words is shown: as code in the page, as plain text elsewhere. */
export type CodeMarkup = (chunks: ReactNode[]) => ReactNode;
const plain: CodeMarkup = (chunks) => chunks.join('');
const flatten = (node: ReactNode): string => (Array.isArray(node) ? node.join('') : String(node));

export interface ErrorWords {
  /** What happened. */
  message: string;
  /** What to do next (may hold a command to copy, shown as code). */
  guidance: ReactNode;
  /** What to say to the caller. */
  tellCaller: string;
}

function partId(code: ErrorCode, refinements: readonly (string | undefined)[], part: Part): MessageId {
  for (const refinement of refinements) {
    const id = refinement && `errors.${code}.${refinement}.${part}`;
    if (id && id in en) return id as MessageId;
  }
  return `errors.${code}.${part}` as MessageId;
}

/** An ICU select key for a kebab-case value (ICU keys take no dashes): "demo-data" is demoData. */
const selectKey = (value: string) => value.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

/** A file Recovery Desk could not use, in words: which, where, why, and where it went. */
export function fileProblemWords(t: Translate, problem: FileProblem): string {
  return t('errors.file.problem', {
    file: selectKey(problem.file),
    path: problem.path,
    reason: selectKey(problem.reason),
    where: problem.where ?? 'none',
    errno: problem.errno ?? '',
    moved: problem.movedTo ? 'yes' : 'no',
    movedTo: problem.movedTo ?? '',
  });
}

type PolicyProblems = NonNullable<NonNullable<ApiError['params']>['policyProblems']>;

/** What is wrong with the organization's policy file: the first problem by its key, and how many more. */
export function policyProblemWords(t: Translate, problems: PolicyProblems): string {
  const [first, ...rest] = problems;
  if (!first) return '';
  const words = t('errors.policy.problem', { key: first.key || 'none', problem: selectKey(first.problem), errno: first.errno ?? '' });
  return rest.length > 0 ? `${words} ${t('errors.policy.more', { count: rest.length })}` : words;
}

/** The values the words of every code may name; absent facts read as "none" where a sentence chooses by them. */
function valuesOf(t: Translate, failure: ApiError): Record<string, string | number> {
  const { file, policyProblems, clockOffsetMinutes = 0, ...facts } = failure.params ?? {};
  return {
    operation: '',
    host: '',
    profile: '',
    command: '',
    iamAction: '',
    ...facts,
    principal: facts.principal ?? 'none',
    resource: facts.resource ?? 'none',
    networkReason: facts.networkReason ?? 'none',
    minutes: Math.abs(clockOffsetMinutes),
    direction: clockOffsetMinutes > 0 ? 'ahead' : 'behind',
    fileWords: file ? fileProblemWords(t, file) : '',
    policyWords: policyProblems ? policyProblemWords(t, policyProblems) : '',
  };
}

/**
 * What happened, what to do, what to tell the caller: for any failure, in the page's language.
 * Without `code`, a command in the guidance is plain text and the guidance a string.
 */
export function errorWords(t: Translate, failure: ApiError): ErrorWords & { guidance: string };
export function errorWords(t: Translate, failure: ApiError, code: CodeMarkup): ErrorWords;
export function errorWords(t: Translate, failure: ApiError, code?: CodeMarkup): ErrorWords {
  const values = valuesOf(t, failure);
  const action = failure.code === 'OutcomeUnknown' ? failure.params?.action : undefined;
  // For an outcome in doubt, what may have happened and what to do depend on the action.
  const refinements = [action, failure.cause];
  const happened = t(partId(failure.code, refinements, 'message'), values);
  return {
    message: action ? `${happened} ${t(`errors.OutcomeUnknown.${action}.maybe`)}` : happened,
    guidance: code ? t(partId(failure.code, refinements, 'guidance'), { ...values, code }) : flatten(t(partId(failure.code, refinements, 'guidance'), { ...values, code: plain })),
    tellCaller: t(partId(failure.code, refinements, 'tellCaller'), values),
  };
}

/** What the connections list says at load: a damaged file and what that means, and keys kept in memory only. */
export function connectionsNotice(t: Translate, { damagedFile, memoryOnlyBecause }: Pick<ConnectionsList, 'damagedFile' | 'memoryOnlyBecause'>): string | undefined {
  const sentences = [
    ...(damagedFile ? [fileProblemWords(t, damagedFile), t(damagedFile.movedTo ? 'errors.file.connectionsMoved' : 'errors.file.connectionsKept')] : []),
    ...(memoryOnlyBecause ? [t(`errors.secrets.${memoryOnlyBecause}`)] : []),
  ];
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

/** The settings file could not be used: where it went, and that the strictest settings apply until saved. */
export function settingsNotice(t: Translate, damagedFile: FileProblem | undefined): string | undefined {
  return damagedFile ? `${fileProblemWords(t, damagedFile)} ${t('errors.file.settingsStrictest')}` : undefined;
}
