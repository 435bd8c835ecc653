import { useQuery } from '@tanstack/react-query';
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text } from 'react-aria-components';
import type { Connection } from '../../../shared/contract';
import { connectionsQuery } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';

interface ConnectionPickerProps {
  connectionId: string | undefined;
  onChange: (connectionId: string) => void;
}

export function describeConnection(connection: Connection): string {
  if (connection.kind === 'demo') return 'Offline demo data, ready to use';
  return [connection.region, connection.accountId && `account ${connection.accountId}`].filter(Boolean).join(' · ');
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
        <SelectValue>{({ selectedText, isPlaceholder }) => (isPlaceholder ? 'Choose a connection' : selectedText)}</SelectValue>
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
              </Text>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
