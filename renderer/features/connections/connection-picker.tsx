import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text } from 'react-aria-components';
import type { Connection } from '../../../shared/contract';
import { connectionsQuery } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
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
  return (
    <Select
      className="connection-picker"
      value={connectionId ?? null}
      onChange={(key) => {
        if (typeof key === 'string') onChange(key);
      }}
      placeholder="Choose a connection"
    >
      <Label>Connection</Label>
      <Button className="select-button">
        <SelectValue<Connection>>
          {({ selectedItems, isPlaceholder }) => {
            const selected = selectedItems[0];
            if (isPlaceholder || !selected) return 'Choose a connection';
            return (
              <span className="picker-value">
                <span className="picker-name">{selected.name}</span>
                <span className="picker-meta">{pickerMeta(selected)}</span>
              </span>
            );
          }}
        </SelectValue>
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </Button>
      <Popover className="popover">
        <ListBox className="select-list" items={list} renderEmptyState={() => 'No connections are configured.'}>
          {(connection) => (
            <ListBoxItem id={connection.id} textValue={connection.name} className="select-item">
              <Text slot="label">{connection.name}</Text>
              <Text slot="description" className="select-item-description">
                {describeConnection(connection)}
                {connection.kind !== 'demo' && !connection.secretsAvailable ? ' · re-enter its keys' : ''}
              </Text>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** A problem found while loading the connections (e.g. a damaged file set aside), until dismissed. */
export function ConnectionsNotice() {
  const connections = useQuery(connectionsQuery());
  const notice = connections.data?.notice;
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
