import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Dialog, FieldError, Heading, Input, Label, Modal, ModalOverlay, TextField } from 'react-aria-components';
import { contract, type Connection } from '../../../shared/contract';
import { toApiCallError } from '../../api/client';
import { connectionsQuery, useDeleteConnection, useRenameConnection } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { connectionsNotice } from '../../components/error-words';
import { useT } from '../../i18n/use-t';
import { ConnectionForm } from './connection-form';
import { ConnectionTest } from './connection-test';
import { kindWords, secretsWords, storageSentence } from './connection-wording';

export type ConnectionChange = 'edited' | 'deleted';

export interface ConnectionsManagerProps {
  /** The connection the main screen uses, marked in the list. */
  currentConnectionId: string | undefined;
  /** Open straight on this connection's edit form (e.g. to type its keys again). */
  editConnectionId?: string;
  onClose: () => void;
  /** After an edit or a delete, so the main screen can let go of what it showed through the connection. */
  onChanged: (connectionId: string, change: ConnectionChange) => void;
}

type View = { name: 'list' } | { name: 'add' } | { name: 'edit'; connectionId: string };

const cardHeadingId = (connectionId: string) => `connection-card-${connectionId}`;

/** The saved and built-in connections: add, edit, rename, delete and test them. */
export default function ConnectionsManager({ currentConnectionId, editConnectionId, onClose, onChanged }: ConnectionsManagerProps) {
  const connections = useQuery(connectionsQuery());
  const t = useT();
  const [view, setView] = useState<View>(editConnectionId ? { name: 'edit', connectionId: editConnectionId } : { name: 'list' });
  const [announcement, setAnnouncement] = useState('');
  const dialogRef = useRef<HTMLElement>(null);

  const [pendingFocus, setPendingFocus] = useState<string | undefined>();

  /** Back to the list, with focus on a card's heading or on the add button. */
  const showList = (focus?: { connectionId: string } | 'add') => {
    setView({ name: 'list' });
    setPendingFocus(focus && focus !== 'add' ? `#${cardHeadingId(focus.connectionId)}` : '[data-add-connection]');
  };

  const data = connections.data;
  // A card added or renamed appears only once the refetched list renders: focus it then, not before.
  useEffect(() => {
    if (!pendingFocus || view.name !== 'list') return;
    const target = dialogRef.current?.querySelector<HTMLElement>(pendingFocus);
    if (!target) return;
    target.focus();
    setPendingFocus(undefined);
  }, [pendingFocus, view, data]);
  const editing = view.name === 'edit' ? data?.connections.find((c) => c.id === view.connectionId) : undefined;
  const inForm = view.name === 'add' || (view.name === 'edit' && editing !== undefined);

  return (
    // While a form is open, Escape does not throw the typing away: Cancel does.
    <ModalOverlay className="modal-overlay" isOpen isKeyboardDismissDisabled={inForm} onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal connections-modal">
        <Dialog className="dialog" ref={dialogRef}>
          <div className="dialog-header">
            <Heading slot="title">Connections</Heading>
            <Button className="button button-quiet" onPress={onClose} aria-label="Close connections">
              Close
            </Button>
          </div>
          {connections.isPending && <Loading>Loading connections…</Loading>}
          {connections.isError && (
            <ErrorNotice error={connections.error} channel="connections:list" title="Could not list connections" onRetry={() => void connections.refetch()} />
          )}
          {data && inForm && (
            <ConnectionForm
              {...(editing ? { editing } : {})}
              secretStorage={data.secretStorage}
              {...(data.defaultProfile ? { defaultProfile: data.defaultProfile } : {})}
              {...(data.defaultRegion ? { defaultRegion: data.defaultRegion } : {})}
              onSaved={(connection) => {
                if (editing) onChanged(connection.id, 'edited');
                setAnnouncement(editing ? `${connection.name} saved. Test it to check that it connects.` : `${connection.name} added. Test it to check that it connects.`);
                showList({ connectionId: connection.id });
              }}
              onCancel={() => showList(editing ? { connectionId: editing.id } : 'add')}
            />
          )}
          {data && !inForm && (
            <div className="connections-list-view">
              <p className="field-hint">
                Where Recovery Desk sends its calls, and with which credentials. {storageSentence(data.secretStorage)}
              </p>
              {connectionsNotice(t, data) && (
                <div className="notice notice-warning" role="status">
                  <p className="notice-title">About your saved connections</p>
                  <p>{connectionsNotice(t, data)}</p>
                </div>
              )}
              <ul className="connection-cards" aria-label="Connections">
                {data.connections.map((connection) => (
                  <ConnectionCard
                    key={connection.id}
                    connection={connection}
                    isCurrent={connection.id === currentConnectionId}
                    onEdit={() => {
                      setAnnouncement('');
                      setView({ name: 'edit', connectionId: connection.id });
                    }}
                    onRenamed={(renamed) => setAnnouncement(`Renamed to ${renamed.name}.`)}
                    onDeleted={() => {
                      onChanged(connection.id, 'deleted');
                      setAnnouncement(`${connection.name} deleted.`);
                      showList('add');
                    }}
                  />
                ))}
              </ul>
              <div className="actions">
                <Button
                  className="button button-primary"
                  data-add-connection
                  onPress={() => {
                    setAnnouncement('');
                    setView({ name: 'add' });
                  }}
                >
                  Add a connection
                </Button>
              </div>
            </div>
          )}
          <p role="status" className="settings-status">
            {announcement}
          </p>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

interface ConnectionCardProps {
  connection: Connection;
  isCurrent: boolean;
  onEdit: () => void;
  onRenamed: (connection: Connection) => void;
  onDeleted: () => void;
}

function ConnectionCard({ connection, isCurrent, onEdit, onRenamed, onDeleted }: ConnectionCardProps) {
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const secrets = secretsWords(connection);
  const headingId = cardHeadingId(connection.id);
  return (
    <li className="connection-card" aria-labelledby={headingId}>
      <div className="connection-card-head">
        <h3 id={headingId} tabIndex={-1} className="connection-card-name">
          {connection.name}
        </h3>
        <span className="badges">
          {isCurrent && <span className="badge badge-ok">In use</span>}
          {connection.builtIn && <span className="badge badge-muted">Built in</span>}
          {secrets?.needsKeys && <span className="badge badge-warn">Needs keys</span>}
        </span>
      </div>
      <dl className="facts facts-tight connection-facts">
        <dt>Credentials</dt>
        <dd>{kindWords(connection)}</dd>
        <dt>Region</dt>
        <dd>{connection.region}</dd>
        {connection.endpoint && (
          <>
            <dt>Endpoint</dt>
            <dd className="mono break">{connection.endpoint}</dd>
          </>
        )}
        {connection.assumeRoleArn && (
          <>
            <dt>Assumed role</dt>
            <dd>
              <span className="mono break">{connection.assumeRoleArn}</span>
              {connection.needsMfaCode && <span> · asks for an MFA code</span>}
            </dd>
          </>
        )}
        {secrets && (
          <>
            <dt>Secrets</dt>
            <dd className={secrets.needsKeys ? 'secrets-missing' : undefined}>{secrets.text}</dd>
          </>
        )}
        {connection.accountId && (
          <>
            <dt>Last known account</dt>
            <dd className="mono">{connection.accountId}</dd>
          </>
        )}
      </dl>
      {renaming ? (
        <RenameForm
          connection={connection}
          onDone={(renamed) => {
            setRenaming(false);
            if (renamed) onRenamed(renamed);
            window.requestAnimationFrame(() => document.getElementById(headingId)?.focus());
          }}
        />
      ) : connection.builtIn ? (
        <>
          <p className="field-hint">Comes with Recovery Desk: it cannot be edited or deleted.</p>
          <ConnectionTest connection={connection} />
        </>
      ) : (
        <>
          <ConnectionTest connection={connection} disabled={secrets?.needsKeys}>
            <Button className={`button ${secrets?.needsKeys ? 'button-primary' : 'button-secondary'}`} onPress={onEdit} aria-label={`${secrets?.needsKeys ? 'Re-enter keys for' : 'Edit'} ${connection.name}`}>
              {secrets?.needsKeys ? 'Re-enter keys' : 'Edit'}
            </Button>
            <Button className="button button-secondary" onPress={() => setRenaming(true)} aria-label={`Rename ${connection.name}`}>
              Rename
            </Button>
            <Button className="button button-danger" onPress={() => setDeleting(true)} aria-label={`Delete ${connection.name}`}>
              Delete
            </Button>
          </ConnectionTest>
          {deleting && <DeleteDialog connection={connection} onCancel={() => setDeleting(false)} onDeleted={onDeleted} />}
        </>
      )}
    </li>
  );
}

function RenameForm({ connection, onDone }: { connection: Connection; onDone: (renamed?: Connection) => void }) {
  const rename = useRenameConnection();
  const [name, setName] = useState(connection.name);
  const [problem, setProblem] = useState<string>();
  const [failure, setFailure] = useState<unknown>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (rename.isPending) return;
    // The contract's own rule and words for a connection name.
    const checked = contract['connections:rename'].request.shape.name.safeParse(name);
    if (!checked.success) return setProblem(checked.error.issues[0]?.message);
    const trimmed = checked.data;
    setProblem(undefined);
    setFailure(undefined);
    rename.mutate(
      { connectionId: connection.id, name: trimmed },
      {
        onSuccess: (renamed) => {
          rename.reset();
          onDone(renamed);
        },
        onError: (error) => {
          rename.reset();
          const failed = toApiCallError(error, 'connections:rename');
          const issue = failed.issues?.find((i) => i.path === 'name');
          if (issue) setProblem(issue.message);
          else setFailure(error);
        },
      },
    );
  };

  return (
    <form className="rename-form" onSubmit={submit} noValidate aria-label={`Rename ${connection.name}`}>
      <TextField className="field rename-field" value={name} onChange={setName} isInvalid={Boolean(problem)} validationBehavior="aria" autoFocus>
        <Label>New name</Label>
        <Input className="input" spellCheck={false} autoComplete="off" />
        <FieldError className="field-error">{problem}</FieldError>
      </TextField>
      <div className="actions">
        <BusyButton type="submit" className="button button-primary" isPending={rename.isPending}>
          {rename.isPending ? 'Saving…' : 'Save name'}
        </BusyButton>
        <Button className="button button-secondary" onPress={() => onDone()} isDisabled={rename.isPending}>
          Cancel
        </Button>
      </div>
      {failure !== undefined && <ErrorNotice error={failure} channel="connections:rename" title="The connection was not renamed" />}
    </form>
  );
}

function DeleteDialog({ connection, onCancel, onDeleted }: { connection: Connection; onCancel: () => void; onDeleted: () => void }) {
  const remove = useDeleteConnection();
  const [failure, setFailure] = useState<unknown>();
  const pending = remove.isPending;
  const confirm = () => {
    if (pending) return;
    setFailure(undefined);
    // A promise, not mutate's callbacks: the card (and this dialog) leave the list as soon as the delete lands.
    remove.mutateAsync({ connectionId: connection.id }).then(
      () => onDeleted(),
      (error: unknown) => {
        remove.reset();
        setFailure(error);
      },
    );
  };
  return (
    <ModalOverlay className="action-overlay" isOpen isKeyboardDismissDisabled={pending} onOpenChange={(open) => !open && !pending && onCancel()}>
      <Modal className="action-modal action-modal-last-resort">
        <Dialog className="action-dialog" role="alertdialog">
          <Heading slot="title" className="action-dialog-title">
            Delete {connection.name}?
          </Heading>
          <p>
            Recovery Desk forgets this connection{connection.kind === 'access-keys' ? ' and the keys saved with it' : ''}. Pools and users
            shown through it leave the screen. The audit log keeps its records.
          </p>
          {failure !== undefined && <ErrorNotice error={failure} channel="connections:delete" title="The connection was not deleted" />}
          <div className="action-dialog-actions">
            <Button className="button button-secondary" onPress={onCancel} isDisabled={pending} autoFocus>
              Keep it
            </Button>
            <BusyButton className="button button-danger" onPress={confirm} isPending={pending}>
              {pending ? 'Deleting…' : 'Delete connection'}
            </BusyButton>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
