import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { Connection } from '../../../shared/contract';
import { connectionsQuery } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { SelectField } from '../../components/select-field';
import { connectionsNotice } from '../../components/error-words';
import { useT } from '../../i18n/use-t';
import { connectionDetails, connectionName, pickerDescription, pickerMeta } from './connection-wording';

interface ConnectionPickerProps {
  connectionId: string | undefined;
  onChange: (connectionId: string) => void;
}

export function ConnectionPicker({ connectionId, onChange }: ConnectionPickerProps) {
  const t = useT();
  const connections = useQuery(connectionsQuery());
  if (connections.isPending) return <p className="muted">{t('connections.list.loading')}</p>;
  if (connections.isError) {
    return (
      <ErrorNotice
        error={connections.error}
        channel="connections:list"
        title={t('connections.list.failed')}
        onRetry={() => void connections.refetch()}
      />
    );
  }
  const list = connections.data.connections;
  const items = list.map((connection) => ({
    id: connection.id,
    label: connectionName(connection, t),
    description: pickerDescription(connection, t),
  }));
  return (
    <SelectField
      className="connection-picker"
      label={t('connections.picker.label')}
      items={items}
      value={connectionId}
      onChange={onChange}
      placeholder={t('connections.picker.placeholder')}
      emptyState={t('connections.picker.empty')}
      renderValue={(item) => {
        const selected = list.find((c) => c.id === item.id);
        return (
          <span className="picker-value">
            <span className="picker-name">{item.label}</span>
            {selected && <span className="picker-meta">{pickerMeta(selected, t)}</span>}
          </span>
        );
      }}
    />
  );
}

/** The line beside the picker: what the picker does not already say (account, role, endpoint). */
export function ConnectionInfo({ connection }: { connection: Connection }) {
  const t = useT();
  const details = connectionDetails(connection, t);
  const { endpoint } = connection;
  const mono = (chunks: ReactNode[]) => <span className="mono break">{chunks}</span>;
  return (
    <p className="connection-info">
      {endpoint ? t(details ? 'connections.details.withEndpoint' : 'connections.details.endpoint', { details, endpoint, mono }) : details}
    </p>
  );
}

/** A problem found while loading the connections (e.g. a damaged file set aside), until dismissed. */
export function ConnectionsNotice() {
  const t = useT();
  const connections = useQuery(connectionsQuery());
  const notice = connections.data && connectionsNotice(t, connections.data);
  const [dismissed, setDismissed] = useState<string>();
  if (!notice || notice === dismissed) return null;
  return (
    <div className="notice notice-warning connections-notice" role="status">
      <p>{t('connections.notice.text', { notice, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <Button className="button button-quiet" onPress={() => setDismissed(notice)} aria-label={t('connections.notice.dismissLabel')}>
        {t('connections.notice.dismiss')}
      </Button>
    </div>
  );
}
