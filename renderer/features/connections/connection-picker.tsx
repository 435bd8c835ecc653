import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { connectionsQuery } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { SelectField } from '../../components/select-field';
import { connectionsNotice } from '../../components/error-words';
import { useT } from '../../i18n/use-t';
import { describeConnection, pickerMeta } from './connection-wording';

export { describeConnection } from './connection-wording';

interface ConnectionPickerProps {
  connectionId: string | undefined;
  onChange: (connectionId: string) => void;
}

export function ConnectionPicker({ connectionId, onChange }: ConnectionPickerProps) {
  const connections = useQuery(connectionsQuery());
  if (connections.isPending) return <p className="muted">Loading connections…</p>;
  if (connections.isError) {
    return (
      <ErrorNotice
        error={connections.error}
        channel="connections:list"
        title="Could not list connections"
        onRetry={() => void connections.refetch()}
      />
    );
  }
  const list = connections.data.connections;
  const items = list.map((connection) => ({
    id: connection.id,
    label: connection.name,
    description: `${describeConnection(connection)}${connection.kind !== 'demo' && !connection.secretsAvailable ? ' · re-enter its keys' : ''}`,
  }));
  return (
    <SelectField
      className="connection-picker"
      label="Connection"
      items={items}
      value={connectionId}
      onChange={onChange}
      placeholder="Choose a connection"
      emptyState="No connections are configured."
      renderValue={(item) => {
        const selected = list.find((c) => c.id === item.id);
        return (
          <span className="picker-value">
            <span className="picker-name">{item.label}</span>
            {selected && <span className="picker-meta">{pickerMeta(selected)}</span>}
          </span>
        );
      }}
    />
  );
}

/** A problem found while loading the connections (e.g. a damaged file set aside), until dismissed. */
export function ConnectionsNotice() {
  const connections = useQuery(connectionsQuery());
  const t = useT();
  const notice = connections.data && connectionsNotice(t, connections.data);
  const [dismissed, setDismissed] = useState<string>();
  if (!notice || notice === dismissed) return null;
  return (
    <div className="notice notice-warning connections-notice" role="status">
      <p>
        <strong>Connections: </strong>
        {notice}
      </p>
      <Button className="button button-quiet" onPress={() => setDismissed(notice)} aria-label="Dismiss the connections message">
        Dismiss
      </Button>
    </div>
  );
}
