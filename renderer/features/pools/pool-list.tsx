import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { poolsQuery } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';

interface PoolListProps {
  connectionId: string;
  poolId: string | undefined;
  onSelect: (poolId: string) => void;
}

export function PoolList({ connectionId, poolId, onSelect }: PoolListProps) {
  const pools = useInfiniteQuery(poolsQuery({ connectionId, maxResults: 60 }));

  if (pools.isPending) return <Loading>Loading user pools…</Loading>;
  if (pools.isLoadingError) {
    return (
      <ErrorNotice error={pools.error} channel="pools:list" title="Could not list user pools" onRetry={() => void pools.refetch()} />
    );
  }
  const all = pools.data.pages.flatMap((page) => page.pools);
  return (
    <>
      {all.length === 0 ? (
        <p className="muted">This connection has no user pools in its region.</p>
      ) : (
        <ul className="pool-list">
          {all.map((pool) => (
            <li key={pool.id}>
              <Button
                className="pool-button"
                aria-current={pool.id === poolId ? 'true' : undefined}
                onPress={() => onSelect(pool.id)}
              >
                <span className="pool-name">{pool.name}</span>
                <span className="pool-id">{pool.id}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {pools.hasNextPage && (
        <Button className="button button-secondary load-more" onPress={() => void pools.fetchNextPage()} isPending={pools.isFetchingNextPage}>
          {pools.isFetchingNextPage ? 'Loading more pools…' : 'Load more pools'}
        </Button>
      )}
      {pools.isFetchNextPageError && (
        <ErrorNotice error={pools.error} channel="pools:list" title="Could not load more pools" onRetry={() => void pools.fetchNextPage()} />
      )}
    </>
  );
}
