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
import { connectionName, connectionNameTranslate, kindWords, secretsWords, storageSentence } from './connection-wording';

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
  const t = useT();
  const connections = useQuery(connectionsQuery());
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
            <Heading slot="title">{t('connections.manager.title')}</Heading>
            <Button className="button button-quiet" onPress={onClose} aria-label={t('connections.manager.closeLabel')}>
              {t('connections.manager.close')}
            </Button>
          </div>
          {connections.isPending && <Loading>{t('connections.list.loading')}</Loading>}
          {connections.isError && (
            <ErrorNotice error={connections.error} channel="connections:list" title={t('connections.list.failed')} onRetry={() => void connections.refetch()} />
          )}
          {data && inForm && (
            <ConnectionForm
              {...(editing ? { editing } : {})}
              secretStorage={data.secretStorage}
              {...(data.defaultProfile ? { defaultProfile: data.defaultProfile } : {})}
              {...(data.defaultRegion ? { defaultRegion: data.defaultRegion } : {})}
              onSaved={(connection) => {
                if (editing) onChanged(connection.id, 'edited');
                setAnnouncement(t(editing ? 'connections.manager.saved' : 'connections.manager.added', { name: connectionName(connection, t) }));
                showList({ connectionId: connection.id });
              }}
              onCancel={() => showList(editing ? { connectionId: editing.id } : 'add')}
            />
          )}
          {data && !inForm && (
            <div className="connections-list-view">
              <p className="field-hint">{[t('connections.manager.intro'), storageSentence(data.secretStorage, t)].join(' ')}</p>
              {connectionsNotice(t, data) && (
                <div className="notice notice-warning" role="status">
                  <p className="notice-title">{t('connections.manager.noticeTitle')}</p>
                  <p>{connectionsNotice(t, data)}</p>
                </div>
              )}
              <ul className="connection-cards" aria-label={t('connections.manager.list')}>
                {data.connections.map((connection) => (
                  <ConnectionCard
                    key={connection.id}
                    connection={connection}
                    isCurrent={connection.id === currentConnectionId}
                    onEdit={() => {
                      setAnnouncement('');
                      setView({ name: 'edit', connectionId: connection.id });
                    }}
                    onRenamed={(renamed) => setAnnouncement(t('connections.manager.renamed', { name: renamed.name }))}
                    onDeleted={() => {
                      onChanged(connection.id, 'deleted');
                      setAnnouncement(t('connections.manager.deleted', { name: connectionName(connection, t) }));
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
                  {t('connections.manager.add')}
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
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const secrets = secretsWords(connection, t);
  const headingId = cardHeadingId(connection.id);
  return (
    <li className="connection-card" aria-labelledby={headingId}>
      <div className="connection-card-head">
        <h3 id={headingId} tabIndex={-1} className="connection-card-name" translate={connectionNameTranslate(connection)}>
          {connectionName(connection, t)}
        </h3>
        <span className="badges">
          {isCurrent && <span className="badge badge-ok">{t('connections.card.inUse')}</span>}
          {connection.builtIn && (
            <span className="badge badge-muted">{connection.setByOrganization ? t('connections.card.setByOrganization') : t('connections.card.builtIn')}</span>
          )}
          {secrets?.needsKeys && <span className="badge badge-warn">{t('connections.card.needsKeys')}</span>}
        </span>
      </div>
      <dl className="facts facts-tight connection-facts">
        <dt>{t('connections.card.credentials')}</dt>
        <dd>{kindWords(connection, t)}</dd>
        <dt>{t('connections.card.region')}</dt>
        <dd>{connection.region}</dd>
        {connection.endpoint && (
          <>
            <dt>{t('connections.card.endpoint')}</dt>
            <dd className="mono break">{connection.endpoint}</dd>
          </>
        )}
        {connection.assumeRoleArn && (
          <>
            <dt>{t('connections.card.assumedRole')}</dt>
            <dd>
              {t('connections.card.role', {
                role: connection.assumeRoleArn,
                mfa: connection.needsMfaCode ? 'asked' : 'no',
                arn: (chunks) => <span className="mono break">{chunks}</span>,
              })}
            </dd>
          </>
        )}
        {secrets && (
          <>
            <dt>{t('connections.card.secrets')}</dt>
            <dd className={secrets.needsKeys ? 'secrets-missing' : undefined}>{secrets.text}</dd>
          </>
        )}
        {connection.accountId && (
          <>
            <dt>{t('connections.card.account')}</dt>
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
          <p className="field-hint">{connection.setByOrganization ? t('connections.card.setByOrganizationHint') : t('connections.card.builtInHint')}</p>
          <ConnectionTest connection={connection} />
        </>
      ) : (
        <>
          <ConnectionTest connection={connection} disabled={secrets?.needsKeys}>
            <Button
              className={`button ${secrets?.needsKeys ? 'button-primary' : 'button-secondary'}`}
              onPress={onEdit}
              aria-label={t(secrets?.needsKeys ? 'connections.card.reenterKeysFor' : 'connections.connection.edit', { name: connectionName(connection, t) })}
            >
              {secrets?.needsKeys ? t('connections.connection.reenterKeys') : t('connections.card.edit')}
            </Button>
            <Button className="button button-secondary" onPress={() => setRenaming(true)} aria-label={t('connections.connection.rename', { name: connectionName(connection, t) })}>
              {t('connections.card.rename')}
            </Button>
            <Button className="button button-danger" onPress={() => setDeleting(true)} aria-label={t('connections.card.deleteLabel', { name: connectionName(connection, t) })}>
              {t('connections.card.delete')}
            </Button>
          </ConnectionTest>
          {deleting && <DeleteDialog connection={connection} onCancel={() => setDeleting(false)} onDeleted={onDeleted} />}
        </>
      )}
    </li>
  );
}

function RenameForm({ connection, onDone }: { connection: Connection; onDone: (renamed?: Connection) => void }) {
  const t = useT();
  const rename = useRenameConnection();
  const [name, setName] = useState(connection.name);
  const [problem, setProblem] = useState<string>();
  const [failure, setFailure] = useState<unknown>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (rename.isPending) return;
    // The contract's own rule and words for a connection name.
    const checked = contract['connections:rename'].request.shape.name.safeParse(name);
    if (!checked.success) return setProblem(t.ref(checked.error.issues[0]?.message ?? ''));
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
          if (issue) setProblem(t.ref(issue.message));
          else setFailure(error);
        },
      },
    );
  };

  return (
    <form className="rename-form" onSubmit={submit} noValidate aria-label={t('connections.connection.rename', { name: connectionName(connection, t) })}>
      <TextField className="field rename-field" value={name} onChange={setName} isInvalid={Boolean(problem)} validationBehavior="aria" autoFocus>
        <Label>{t('connections.rename.newName')}</Label>
        <Input className="input" spellCheck={false} autoComplete="off" />
        <FieldError className="field-error">{problem}</FieldError>
      </TextField>
      <div className="actions">
        <BusyButton type="submit" className="button button-primary" isPending={rename.isPending}>
          {rename.isPending ? t('connections.rename.saving') : t('connections.rename.save')}
        </BusyButton>
        <Button className="button button-secondary" onPress={() => onDone()} isDisabled={rename.isPending}>
          {t('connections.rename.cancel')}
        </Button>
      </div>
      {failure !== undefined && <ErrorNotice error={failure} channel="connections:rename" title={t('connections.rename.failed')} />}
    </form>
  );
}

function DeleteDialog({ connection, onCancel, onDeleted }: { connection: Connection; onCancel: () => void; onDeleted: () => void }) {
  const t = useT();
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
            {t('connections.delete.title', { name: connectionName(connection, t) })}
          </Heading>
          <p>{t('connections.delete.consequences', { keys: connection.kind === 'access-keys' ? 'saved' : 'none' })}</p>
          {failure !== undefined && <ErrorNotice error={failure} channel="connections:delete" title={t('connections.delete.failed')} />}
          <div className="action-dialog-actions">
            <Button className="button button-secondary" onPress={onCancel} isDisabled={pending} autoFocus>
              {t('connections.delete.keep')}
            </Button>
            <BusyButton className="button button-danger" onPress={confirm} isPending={pending}>
              {pending ? t('connections.delete.deleting') : t('connections.delete.confirm')}
            </BusyButton>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
