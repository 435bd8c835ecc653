import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { AuditRecord } from '../../../shared/audit-record';
import { auditListQuery, useExportAudit, type AuditFilters } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { AuditFilterForm } from './audit-filters';
import { AuditTable } from './audit-table';
import { saveFile } from './save-file';

// Line numbers beyond this many are summarised, so one badly damaged file does not flood the page.
const LISTED_DAMAGED_LINES = 20;

/** Every recovery action taken from this console, newest first, with filters and export. */
export default function AuditLog() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const query = useInfiniteQuery(auditListQuery(filters));
  const exporter = useExportAudit();
  const [exported, setExported] = useState('');

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
    setExported('');
    exporter.mutate(
      { ...filters, format },
      {
        onSuccess: (file) => {
          saveFile(file);
          const what = file.count === 1 ? '1 record' : `${file.count} records`;
          setExported(`Exported ${what} as ${file.filename}.`);
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
          <h2 id="audit-heading">Audit log</h2>
          <p className="muted">
            Every recovery action taken from this console, newest first. Codes and passwords are never recorded.
          </p>
        </div>
        <div className="audit-export" role="group" aria-label="Export">
          <Button
            className="button button-secondary"
            onPress={() => exportAs('csv')}
            isPending={exporter.isPending && exporter.variables?.format === 'csv'}
            isDisabled={exporter.isPending}
          >
            Export CSV
          </Button>
          <Button
            className="button button-secondary"
            onPress={() => exportAs('json')}
            isPending={exporter.isPending && exporter.variables?.format === 'json'}
            isDisabled={exporter.isPending}
          >
            Export JSON
          </Button>
        </div>
      </div>
      <p className="muted audit-export-hint">
        {isFiltered ? 'Export saves every record that matches the filters, not only those loaded below.' : 'Export saves every record in the log, not only those loaded below.'}
      </p>
      <p role="status" className="audit-exported">
        {exported}
      </p>
      {exporter.isError && <ErrorNotice error={exporter.error} channel="audit:export" title="The audit log was not exported" />}

      <AuditFilterForm onApply={setFilters} isFiltered={isFiltered} />

      {damagedLines.length > 0 && <DamagedLinesNote lines={damagedLines} />}

      {query.isPending && <Loading>Reading the audit log…</Loading>}
      {query.isLoadingError && (
        <ErrorNotice error={query.error} channel="audit:list" title="Could not read the audit log" onRetry={() => void query.refetch()} />
      )}
      {query.data && (
        <>
          <div className="audit-count-row">
            <p role="status" className="results-count">
              {describeCount(records.length, total, isFiltered)}
            </p>
            <Button className="button button-quiet" onPress={() => void query.refetch()} isPending={query.isRefetching} aria-label="Refresh the audit log">
              Refresh
            </Button>
          </div>
          {records.length > 0 && (
            <AuditTable
              records={records}
              total={total}
              onNearEnd={hasNextPage && !isFetchingNextPage && !isFetchNextPageError ? loadMore : undefined}
            />
          )}
          {isFetchNextPageError && <ErrorNotice error={query.error} channel="audit:list" title="Could not load more records" />}
          {hasNextPage && (
            <Button className="button button-secondary load-more" onPress={loadMore} isPending={isFetchingNextPage}>
              {isFetchingNextPage ? 'Loading more records…' : 'Load more records'}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

function describeCount(loaded: number, total: number, isFiltered: boolean): string {
  if (total === 0) return isFiltered ? 'No records match these filters.' : 'No recovery actions have been recorded yet.';
  const records = total === 1 ? '1 record' : `${total} records`;
  const matching = isFiltered ? `${records} ${total === 1 ? 'matches' : 'match'} the filters` : `${records} in the log`;
  return loaded < total ? `${matching}; showing the newest ${loaded}.` : `${matching}.`;
}

function DamagedLinesNote({ lines }: { lines: number[] }) {
  const listed = lines.slice(0, LISTED_DAMAGED_LINES).join(', ');
  const more = lines.length > LISTED_DAMAGED_LINES ? ` and ${lines.length - LISTED_DAMAGED_LINES} more` : '';
  const count = lines.length === 1 ? '1 damaged line was' : `${lines.length} damaged lines were`;
  const numbers = lines.length === 1 ? `line number ${listed}` : `line numbers ${listed}${more}`;
  return (
    <div className="notice notice-warning" role="note" aria-label="Damaged audit lines">
      <p className="notice-title">
        {count} skipped ({numbers}): a crash interrupted a write.
      </p>
      <p className="notice-guidance">
        Every other record is intact and shown. Keep the log file as it is if these lines may matter for an investigation.
      </p>
    </div>
  );
}
