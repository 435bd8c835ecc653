import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from 'react-aria-components';
import type { SearchAttribute, UserSummary } from '../../../shared/contract';
import { USERS_PAGE_SIZE, usersFindQuery, usersSearchQuery } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { useT } from '../../i18n/use-t';
import { foundWords, matchedByWords, moreAvailableWords, phoneNotReadWords, usersWithWords } from './search-words';
import type { UserSearch } from './user-search-form';
import { UserBadges } from './user-status';

interface UserResultsProps {
  connectionId: string;
  poolId: string;
  search: UserSearch;
  selectedUsername: string | undefined;
  onOpen: (username: string) => void;
}

/** A user in the list; from the one search box, with the attributes that found them. */
type ListedUser = UserSummary & { matchedBy?: SearchAttribute[] };

// Fixed row height keeps scrolling cheap: no per-row measuring.
const ROW_HEIGHT = 60;
// Start fetching the next page this many rows before the end, so scrolling rarely waits.
const PREFETCH_ROWS = 15;

export function UserResults({ search, ...props }: UserResultsProps) {
  // Nothing typed in the one box lists the whole pool, page by page, like an empty attribute search.
  if (search.mode === 'caller') {
    return search.text === '' ? <PagedUsers {...props} attribute="username" match="prefix" value="" /> : <FoundUsers {...props} text={search.text} />;
  }
  return <PagedUsers {...props} attribute={search.attribute} match={search.match} value={search.value} />;
}

type ListProps = Omit<UserResultsProps, 'search'>;

/** The one search box's answer: every lookup's first page, merged, each user saying what matched. */
function FoundUsers({ connectionId, poolId, text, selectedUsername, onOpen }: ListProps & { text: string }) {
  const t = useT();
  const query = useQuery(usersFindQuery({ connectionId, userPoolId: poolId, text }));
  // One caller found, and nothing more to page through: open them at once, it is what comes next.
  const only = query.data?.users.length === 1 && !query.data.lookups.some((lookup) => lookup.moreAvailable) ? query.data.users[0]?.username : undefined;
  // Once per answer: choosing another user afterwards is the operator's call.
  const openedOnly = useRef<string>(undefined);
  useEffect(() => {
    if (!only || openedOnly.current === only) return;
    openedOnly.current = only;
    if (only !== selectedUsername) onOpen(only);
  }, [only, selectedUsername, onOpen]);

  if (query.isPending) return <Loading>{t('users.search.searching')}</Loading>;
  if (query.isError) {
    return <ErrorNotice error={query.error} channel="users:find" title={t('users.search.error')} onRetry={() => void query.refetch()} />;
  }

  const result = query.data;
  const notes = [phoneNotReadWords(t, result, text), moreAvailableWords(t, result)].filter((note) => note !== undefined);
  return (
    <div className="results">
      <div role="status" className="results-status">
        <p className="results-count">{foundWords(t, result)}</p>
        {notes.map((note) => (
          <p key={note} className="results-note">
            {note}
          </p>
        ))}
      </div>
      {result.users.length > 0 && (
        <VirtualUserList users={result.users} setSize={result.users.length} selectedUsername={selectedUsername} onOpen={onOpen} onNearEnd={undefined} />
      )}
    </div>
  );
}

/** One attribute (or the whole pool), Cognito's pages loaded as the list scrolls. */
function PagedUsers({ connectionId, poolId, attribute, match, value, selectedUsername, onOpen }: ListProps & Pick<Extract<UserSearch, { mode: 'attribute' }>, 'attribute' | 'match' | 'value'>) {
  const t = useT();
  const query = useInfiniteQuery(usersSearchQuery({ connectionId, userPoolId: poolId, attribute, match, value, limit: USERS_PAGE_SIZE }));
  const users = useMemo(() => query.data?.pages.flatMap((page) => page.users) ?? [], [query.data]);

  if (query.isPending) return <Loading>{t('users.search.searching')}</Loading>;
  if (query.isLoadingError) {
    return <ErrorNotice error={query.error} channel="users:search" title={t('users.search.error')} onRetry={() => void query.refetch()} />;
  }

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError } = query;
  const loadMore = () => void query.fetchNextPage();
  // What Cognito was asked: a phone number is searched in E.164.
  const searched = query.data.pages[0]?.value ?? value;

  return (
    <div className="results">
      <p role="status" className="results-count">
        {users.length === 0
          ? searched === ''
            ? t('users.list.poolEmpty')
            : usersWithWords(t, 0, [{ attribute, match, value: searched }])
          : t('users.list.loaded', { count: users.length, more: hasNextPage ? 'yes' : 'no' })}
      </p>
      {users.length > 0 && (
        <VirtualUserList
          users={users}
          // -1 tells assistive technology the total is not known yet.
          setSize={hasNextPage ? -1 : users.length}
          selectedUsername={selectedUsername}
          onOpen={onOpen}
          onNearEnd={hasNextPage && !isFetchingNextPage && !isFetchNextPageError ? loadMore : undefined}
        />
      )}
      {isFetchNextPageError && (
        <ErrorNotice error={query.error} channel="users:search" title={t('users.list.loadMoreError')} />
      )}
      {hasNextPage && (
        <Button className="button button-secondary load-more" onPress={loadMore} isPending={isFetchingNextPage}>
          {isFetchingNextPage ? t('users.list.loadingMore') : t('users.list.loadMore')}
        </Button>
      )}
    </div>
  );
}

interface VirtualUserListProps {
  users: ListedUser[];
  setSize: number;
  selectedUsername: string | undefined;
  onOpen: (username: string) => void;
  /** Set while another page can be fetched; called when the visible rows near the end. */
  onNearEnd: (() => void) | undefined;
}

/**
 * A listbox that renders only the rows in view. One row at a time is in the tab order (roving
 * tabindex); the arrow keys move between rows and Enter opens one. The focused row is always kept
 * rendered, so focus never falls off the page when it scrolls out of view.
 */
function VirtualUserList({ users, setSize, selectedUsername, onOpen, onNearEnd }: VirtualUserListProps) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(() => Math.max(0, users.findIndex((u) => u.username === selectedUsername)));
  const [focusRequest, setFocusRequest] = useState(0);
  const active = Math.min(activeIndex, users.length - 1);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return indexes.includes(active) ? indexes : [...indexes, active].sort((a, b) => a - b);
    },
    [active],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design.
  const virtualizer = useVirtualizer({
    count: users.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    rangeExtractor,
  });
  const rows = virtualizer.getVirtualItems();
  const lastRendered = rows.length > 0 ? Math.max(...rows.map((row) => row.index)) : -1;

  useEffect(() => {
    if (onNearEnd && lastRendered >= users.length - PREFETCH_ROWS) onNearEnd();
  }, [lastRendered, users.length, onNearEnd]);

  // Move DOM focus after the row for the new index has rendered.
  useEffect(() => {
    if (focusRequest === 0) return;
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
  }, [focusRequest, active]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(users.length - 1, index));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    setFocusRequest((n) => n + 1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(active + 1);
        break;
      case 'ArrowUp':
        moveTo(active - 1);
        break;
      case 'PageDown':
        moveTo(active + page);
        break;
      case 'PageUp':
        moveTo(active - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(users.length - 1);
        break;
      case 'Enter':
      case ' ': {
        const user = users[active];
        if (user) onOpen(user.username);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div ref={scrollRef} className="user-scroll">
      <div
        ref={listRef}
        role="listbox"
        aria-label={t('users.list.label')}
        className="user-listbox"
        onKeyDown={onKeyDown}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => {
          const user = users[row.index];
          if (!user) return null;
          const selected = user.username === selectedUsername;
          const contact = [user.name, user.email, user.phoneNumber].filter(Boolean).join(' · ') || t('users.list.noContact');
          return (
            <div
              key={user.username}
              role="option"
              data-index={row.index}
              aria-selected={selected}
              aria-posinset={row.index + 1}
              aria-setsize={setSize}
              tabIndex={row.index === active ? 0 : -1}
              className={`user-row${selected ? ' is-selected' : ''}`}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              onClick={() => {
                setActiveIndex(row.index);
                onOpen(user.username);
              }}
              onFocus={() => setActiveIndex(row.index)}
            >
              <span className="user-row-main">
                {/* Cut with an ellipsis in a narrow list: the whole value shows on hover (and is the option's name). */}
                <span className="user-row-name" title={user.username}>
                  {user.username}
                </span>
                <UserBadges user={user} />
              </span>
              <span className="user-row-sub" title={[user.matchedBy && matchedByWords(t, user.matchedBy), contact].filter(Boolean).join(' · ')}>
                {/* First on the line, so a long email is cut rather than what found the user; the stylesheet draws the separator. */}
                {user.matchedBy && <span className="matched-by">{matchedByWords(t, user.matchedBy)}</span>}
                {contact}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
