import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { AuditRecord } from '../../../shared/audit-record';
import { auditListQuery, useExportAudit, useVerifyAudit, type AuditFilters } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { useT, type Translate } from '../../i18n/use-t';
import { AuditFilterForm } from './audit-filters';
import { AuditTable } from './audit-table';
import { ChainReport } from './chain-report';
import { AuditTrailStatus } from './audit-trail-status';
import { saveFile } from './save-file';

// Line numbers beyond this many are summarised, so one badly damaged file does not flood the page.
const LISTED_DAMAGED_LINES = 20;

/** Every recovery action taken from this console, newest first, with filters and export. */
export default function AuditLog() {
  const t = useT();
  const [filters, setFilters] = useState<AuditFilters>({});
  const query = useInfiniteQuery(auditListQuery(filters));
  const exporter = useExportAudit();
  const verifier = useVerifyAudit();
  // What was exported, worded when shown (so it follows a change of language).
  const [exported, setExported] = useState<{ count: number; filename: string }>();

  // Paging is by offset and new records arrive at the top, so a later page can repeat a record.
  const records = useMemo(() => {
    const seen = new Set<string>();
    const all: AuditRecord[] = [];
    for (const page of query.data?.pages ?? []) {
      for (const record of page.records) {
        if (!seen.has(record.id)) {
          seen.add(record.id);
          all.push(record);
        }
      }
    }
    return all;
  }, [query.data]);
  const lastPage = query.data?.pages.at(-1);
  const total = Math.max(lastPage?.total ?? 0, records.length);
  const damagedLines = lastPage?.damagedLines ?? [];
  const isFiltered = Object.keys(filters).length > 0;

  const exportAs = (format: 'csv' | 'json') => {
    setExported(undefined);
    exporter.mutate(
      { ...filters, format },
      {
        onSuccess: (file) => {
          saveFile(file);
          setExported({ count: file.count, filename: file.filename });
        },
      },
    );
  };

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError } = query;
  const loadMore = () => void query.fetchNextPage();

  return (
    <div className="audit-view">
      <div className="audit-title">
        <div>
          <h2 id="audit-heading">{t('audit.title')}</h2>
          <p className="muted">{t('audit.intro')}</p>
        </div>
        <div className="audit-actions">
          <div className="audit-export" role="group" aria-label={t('audit.export.group')}>
            <Button
              className="button button-secondary"
              onPress={() => exportAs('csv')}
              isPending={exporter.isPending && exporter.variables?.format === 'csv'}
              isDisabled={exporter.isPending}
            >
              {t('audit.export.csv')}
            </Button>
            <Button
              className="button button-secondary"
              onPress={() => exportAs('json')}
              isPending={exporter.isPending && exporter.variables?.format === 'json'}
              isDisabled={exporter.isPending}
            >
              {t('audit.export.json')}
            </Button>
          </div>
          <BusyButton className="button button-secondary" onPress={() => verifier.mutate()} isPending={verifier.isPending}>
            {t('audit.verify.button')}
          </BusyButton>
        </div>
      </div>
      <AuditTrailStatus />
      <p className="muted audit-export-hint">
        {isFiltered ? t('audit.export.hintFiltered') : t('audit.export.hintAll')}
      </p>
      <p role="status" className="audit-exported">
        {exported ? t('audit.export.done', exported) : ''}
      </p>
      {exporter.isError && <ErrorNotice error={exporter.error} channel="audit:export" title={t('audit.export.failed')} />}
      <div role="status" aria-label={t('audit.verify.label')}>
        {verifier.data && !verifier.isPending && <ChainReport report={verifier.data} />}
      </div>
      {verifier.isError && <ErrorNotice error={verifier.error} channel="audit:verify" title={t('audit.verify.failed')} />}

      <AuditFilterForm onApply={setFilters} isFiltered={isFiltered} />

      {damagedLines.length > 0 && <DamagedLinesNote lines={damagedLines} />}

      {query.isPending && <Loading>{t('audit.list.loading')}</Loading>}
      {query.isLoadingError && (
        <ErrorNotice error={query.error} channel="audit:list" title={t('audit.list.failed')} onRetry={() => void query.refetch()} />
      )}
      {query.data && (
        <>
          <div className="audit-count-row">
            <p role="status" className="results-count">
              {describeCount(t, records.length, total, isFiltered)}
            </p>
            <Button className="button button-quiet" onPress={() => void query.refetch()} isPending={query.isRefetching} aria-label={t('audit.list.refreshLabel')}>
              {t('audit.list.refresh')}
            </Button>
          </div>
          {records.length > 0 && (
            <AuditTable
              records={records}
              total={total}
              onNearEnd={hasNextPage && !isFetchingNextPage && !isFetchNextPageError ? loadMore : undefined}
            />
          )}
          {isFetchNextPageError && <ErrorNotice error={query.error} channel="audit:list" title={t('audit.list.moreFailed')} />}
          {hasNextPage && (
            <Button className="button button-secondary load-more" onPress={loadMore} isPending={isFetchingNextPage}>
              {isFetchingNextPage ? t('audit.list.loadingMore') : t('audit.list.loadMore')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

function describeCount(t: Translate, loaded: number, total: number, isFiltered: boolean): string {
  if (total === 0) return isFiltered ? t('audit.count.noMatch') : t('audit.count.empty');
  if (loaded < total) return isFiltered ? t('audit.count.matchingPartly', { total, loaded }) : t('audit.count.allPartly', { total, loaded });
  return isFiltered ? t('audit.count.matching', { total }) : t('audit.count.all', { total });
}

function DamagedLinesNote({ lines }: { lines: number[] }) {
  const t = useT();
  // Line numbers as the file counts them (no digit grouping), listed as they are: they are looked up, not read out.
  const listed = lines.slice(0, LISTED_DAMAGED_LINES).join(', ');
  const more = Math.max(0, lines.length - LISTED_DAMAGED_LINES);
  return (
    <div className="notice notice-warning" role="note" aria-label={t('audit.damaged.label')}>
      <p className="notice-title">{t('audit.damaged.title', { count: lines.length, lines: listed, more })}</p>
      <p className="notice-guidance">{t('audit.damaged.guidance')}</p>
    </div>
  );
}
