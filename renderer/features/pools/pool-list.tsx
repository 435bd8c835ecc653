import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { poolsQuery } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { useT } from '../../i18n/use-t';

interface PoolListProps {
  connectionId: string;
  poolId: string | undefined;
  onSelect: (poolId: string) => void;
}

export function PoolList({ connectionId, poolId, onSelect }: PoolListProps) {
  const t = useT();
  const pools = useInfiniteQuery(poolsQuery({ connectionId, maxResults: 60 }));

  if (pools.isPending) return <Loading>{t('pools.list.loading')}</Loading>;
  if (pools.isLoadingError) {
    return <ErrorNotice error={pools.error} channel="pools:list" title={t('pools.list.error')} onRetry={() => void pools.refetch()} />;
  }
  const all = pools.data.pages.flatMap((page) => page.pools);
  return (
    <>
      {all.length === 0 ? (
        <p className="muted">{t('pools.list.empty')}</p>
      ) : (
        <ul className="pool-list">
          {all.map((pool) => (
            <li key={pool.id}>
              <Button
                className="pool-button"
                aria-current={pool.id === poolId ? 'true' : undefined}
                onPress={() => onSelect(pool.id)}
              >
                <span className="pool-name" translate="no">
                  {pool.name}
                </span>
                <span className="pool-id">{pool.id}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {pools.hasNextPage && (
        <Button className="button button-secondary load-more" onPress={() => void pools.fetchNextPage()} isPending={pools.isFetchingNextPage}>
          {pools.isFetchingNextPage ? t('pools.list.loadingMore') : t('pools.list.loadMore')}
        </Button>
      )}
      {pools.isFetchNextPageError && (
        <ErrorNotice error={pools.error} channel="pools:list" title={t('pools.list.loadMoreError')} onRetry={() => void pools.fetchNextPage()} />
      )}
    </>
  );
}
