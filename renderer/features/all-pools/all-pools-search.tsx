import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Form, Input, Label, SearchField } from 'react-aria-components';
import { ToggleSwitch } from '../../components/toggle-switch';
import { contract, type ConnectionSearchResult, type CrossPoolSearchState, type PoolSearchResult } from '../../../shared/contract';
import { ApiCallError } from '../../api/client';
import { searchProgressQuery, useCancelSearch, useStartSearch } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { errorWords } from '../../components/error-words';
import { useT } from '../../i18n/use-t';
import { matchedByWords, moreAvailableWords, normalizeSearchText, phoneNotReadWords } from '../users/search-words';
import { UserBadges } from '../users/user-status';

/** A search this panel started, kept by the app so coming back shows its results. */
export interface StartedSearch {
  searchId: string;
  text: string;
}

/** Where a found user lives, to open them in the workspace. */
export interface FoundUserPlace {
  connectionId: string;
  poolId: string;
  username: string;
}

interface AllPoolsSearchProps {
  connectionId: string;
  connectionName: string;
  search: StartedSearch | undefined;
  onStarted: (search: StartedSearch) => void;
  onOpen: (place: FoundUserPlace) => void;
  onClose: () => void;
}

const MAX_SEARCH_TEXT = contract['search:start'].request.shape.text.maxLength ?? undefined;

/** ICU select keys take no dashes. */
const REASON_KEY = { 'generated-usernames': 'generatedUsernames', 'not-in-schema': 'notInSchema' } as const;

/** The search across pools: what the caller says in, progress and a stop button while it runs, then connection › pool › users. */
export function AllPoolsSearch({ connectionId, connectionName, search, onStarted, onOpen, onClose }: AllPoolsSearchProps) {
  const t = useT();
  const hintId = useId();
  const [text, setText] = useState(search?.text ?? '');
  const [everyConnection, setEveryConnection] = useState(false);
  const start = useStartSearch();
  const cancel = useCancelSearch();
  const progress = useQuery({ ...searchProgressQuery(search?.searchId ?? ''), enabled: search !== undefined });
  const state = search ? progress.data : undefined;
  const running = state !== undefined && state.status === 'running';
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const submit = () => {
    const normalized = normalizeSearchText(text);
    if (normalized === '') return;
    // One search at a time: a new one stops the one still running.
    if (search && running) cancel.mutate({ searchId: search.searchId });
    start.mutate({ connectionId, everyConnection, text: normalized }, { onSuccess: ({ searchId }) => onStarted({ searchId, text: normalized }) });
  };

  return (
    <section className="all-pools" aria-labelledby="all-pools-heading">
      <div className="all-pools-top">
        <h2 id="all-pools-heading">{t('allPools.heading')}</h2>
        <Button className="button button-secondary" onPress={onClose}>
          {t('allPools.close')}
        </Button>
      </div>
      <p className="muted">{t('allPools.intro', { connection: connectionName })}</p>
      <Form
        className="search-form"
        role="search"
        aria-labelledby="all-pools-heading"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="search-row">
          <SearchField className="field search-field" value={text} onChange={setText} aria-describedby={hintId}>
            <Label>{t('allPools.text')}</Label>
            <div className="search-input-wrap">
              <Input ref={inputRef} maxLength={MAX_SEARCH_TEXT} autoComplete="off" spellCheck={false} />
            </div>
          </SearchField>
          <BusyButton type="submit" className="button button-primary" isPending={start.isPending}>
            {start.isPending ? t('allPools.starting') : t('allPools.submit')}
          </BusyButton>
        </div>
        <p id={hintId} className="field-hint search-hint">
          {t('allPools.textHint')}
        </p>
        <ToggleSwitch isSelected={everyConnection} onChange={setEveryConnection}>
          {t('allPools.everyConnection')}
        </ToggleSwitch>
      </Form>
      {start.isError && <ErrorNotice error={start.error} channel="search:start" title={t('allPools.startError')} takeFocus />}
      {search && progress.isError && <ErrorNotice error={progress.error} channel="search:progress" title={t('allPools.progressError')} />}
      {state && (
        <SearchProgress
          state={state}
          onCancel={() => cancel.mutate({ searchId: state.searchId })}
          cancelling={cancel.isPending}
        />
      )}
      {state && <SearchResults state={state} onOpen={onOpen} />}
    </section>
  );
}

function SearchProgress({ state, onCancel, cancelling }: { state: CrossPoolSearchState; onCancel: () => void; cancelling: boolean }) {
  const t = useT();
  const counts = { done: state.poolsDone, total: state.poolsTotal, hits: state.hits };
  const summary = state.status === 'done' ? t('allPools.finished', counts) : state.status === 'cancelled' ? t('allPools.stopped', counts) : undefined;
  // Stop disappears once pressed: focus goes to what the search says, not to the top of the page.
  const summaryRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (state.status !== 'running' && (active === null || active === document.body)) summaryRef.current?.focus();
  }, [state.status]);
  return (
    <div className="all-pools-progress">
      {state.status === 'running' && (
        <>
          <div className="all-pools-progress-row">
            {/* The count of pools listed grows while connections are listed; until one is, the bar has no end. */}
            <progress
              className="search-progress"
              aria-label={t('allPools.progressLabel')}
              {...(state.poolsTotal > 0 ? { value: state.poolsDone, max: state.poolsTotal } : {})}
            />
            <BusyButton className="button button-secondary" onPress={onCancel} isPending={cancelling}>
              {t('allPools.cancel')}
            </BusyButton>
          </div>
          <p className="results-count">{state.poolsTotal === 0 ? t('allPools.listing') : t('allPools.progress', counts)}</p>
        </>
      )}
      {/* Announced once, when the search ends, rather than on every poll. */}
      <p ref={summaryRef} role="status" tabIndex={-1} className="results-count">
        {summary}
      </p>
    </div>
  );
}

function SearchResults({ state, onOpen }: { state: CrossPoolSearchState; onOpen: (place: FoundUserPlace) => void }) {
  const t = useT();
  return (
    <div className="all-pools-results" aria-label={t('allPools.results')} role="region">
      {state.connections.map((connection) => (
        <ConnectionResults key={connection.connectionId} connection={connection} text={state.text} onOpen={onOpen} />
      ))}
    </div>
  );
}

function ConnectionResults({ connection, text, onOpen }: { connection: ConnectionSearchResult; text: string; onOpen: (place: FoundUserPlace) => void }) {
  const t = useT();
  const headingId = useId();
  const shown = connection.pools.filter((pool) => pool.users.length > 0 || pool.status === 'failed' || pool.notSearched.length > 0);
  const withoutMatch = connection.pools.filter((pool) => pool.status === 'searched' && pool.users.length === 0 && pool.notSearched.length === 0).length;
  const notReached = connection.pools.filter((pool) => pool.status === 'cancelled').length;
  const phoneNote = phoneNotReadWords(t, connection, text);
  return (
    <section className="all-pools-connection" aria-labelledby={headingId}>
      <h3 id={headingId} className="all-pools-title">
        <span translate="no">{connection.connectionName}</span>
        <span className="pool-id">{connection.region}</span>
      </h3>
      {connection.error && (
        <ErrorNotice error={new ApiCallError('search:start', connection.error)} channel="search:start" title={t('allPools.connectionFailed')} />
      )}
      {phoneNote && <p className="results-note">{phoneNote}</p>}
      {connection.status === 'done' && connection.pools.length === 0 && !phoneNote && <p className="muted">{t('allPools.noPools')}</p>}
      {connection.status === 'cancelled' && connection.pools.length === 0 && <p className="muted">{t('allPools.connectionStopped')}</p>}
      {shown.map((pool) => (
        <PoolResults key={pool.userPoolId} connectionId={connection.connectionId} pool={pool} onOpen={onOpen} />
      ))}
      {withoutMatch > 0 && <p className="muted">{t('allPools.withoutMatch', { count: withoutMatch })}</p>}
      {notReached > 0 && <p className="muted">{t('allPools.notReached', { count: notReached })}</p>}
    </section>
  );
}

function PoolResults({ connectionId, pool, onOpen }: { connectionId: string; pool: PoolSearchResult; onOpen: (place: FoundUserPlace) => void }) {
  const t = useT();
  const headingId = useId();
  const more = moreAvailableWords(t, pool);
  const failure = pool.error ? errorWords(t, pool.error) : undefined;
  return (
    <section className="all-pools-pool" aria-labelledby={headingId}>
      <h4 id={headingId} className="all-pools-title">
        <span className="pool-name" translate="no">
          {pool.poolName}
        </span>
        <span className="pool-id">{pool.userPoolId}</span>
      </h4>
      {pool.status === 'searched' && <p className="results-count">{t('allPools.poolMatches', { count: pool.users.length })}</p>}
      {pool.status === 'skipped' && <p className="results-note">{t('allPools.poolSkipped')}</p>}
      {failure && <p className="results-note">{t('allPools.poolFailed', { message: failure.message, guidance: failure.guidance })}</p>}
      {pool.notSearched.map((note) => (
        <p key={note.attribute} className="results-note">
          {t('allPools.notSearched', { attribute: t('users.found.attribute', { attribute: note.attribute }), reason: REASON_KEY[note.reason] })}
        </p>
      ))}
      {more && <p className="results-note">{more}</p>}
      {pool.users.length > 0 && (
        <ul className="all-pools-users">
          {pool.users.map((user) => {
            const contact = [user.name, user.email, user.phoneNumber].filter(Boolean).join(' · ') || t('users.list.noContact');
            return (
              <li key={user.username}>
                <Button className="found-user" onPress={() => onOpen({ connectionId, poolId: pool.userPoolId, username: user.username })}>
                  <span className="user-row-main">
                    <span className="user-row-name">{user.username}</span>
                    <UserBadges user={user} />
                  </span>
                  <span className="user-row-sub">
                    <span className="matched-by">{matchedByWords(t, user.matchedBy)}</span>
                    {contact}
                  </span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
