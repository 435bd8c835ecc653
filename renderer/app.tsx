import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Button, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import type { Connection } from '../shared/contract';
import { connectionsQuery } from './api/queries';
import { Loading } from './components/loading';
import { readPlace, writePlace } from './components/place';
import { ConnectionAttention } from './features/connections/connection-attention';
import { ConnectionInfo, ConnectionPicker, ConnectionsNotice } from './features/connections/connection-picker';
import type { ConnectionChange } from './features/connections/connections-manager';
import { AllPoolsSearch, type FoundUserPlace, type StartedSearch } from './features/all-pools/all-pools-search';
import { PoolList } from './features/pools/pool-list';
import { PolicyNotice } from './features/settings/organization-policy';
import { SettingsNotice } from './features/settings/settings-notice';
import { noteUserOpened } from './features/users/opening';
import { PoolWorkspace } from './features/users/pool-workspace';
import { useT } from './i18n/use-t';

// Demo-only, so they are not part of the first load.
const DemoInbox = lazy(() => import('./features/demo-inbox/demo-inbox'));
const DemoControls = lazy(() => import('./features/demo-controls/demo-controls'));
// Opened now and then, not on every call.
const AuditLog = lazy(() => import('./features/audit/audit-log'));
const SettingsDialog = lazy(() => import('./features/settings/settings-dialog'));
const ConnectionsManager = lazy(() => import('./features/connections/connections-manager'));

type View = 'recovery' | 'audit';

/**
 * The offline demo when there is one; otherwise (the organization turned it off) its first preset
 * connection; otherwise the only connection, if there is just one.
 */
function defaultConnectionId(connections: Connection[]): string | undefined {
  return (
    connections.find((c) => c.kind === 'demo')?.id ??
    connections.find((c) => c.setByOrganization)?.id ??
    (connections.length === 1 ? connections[0]?.id : undefined)
  );
}

interface Selection {
  connectionId?: string;
  poolId?: string;
  /** Bumped whenever a connection is chosen, edited or deleted, so the screens keyed by it start over from nothing. */
  revision: number;
}

/** The manager is closed, open on its list, or open on one connection's edit form. */
type ManagerState = { open: false } | { open: true; editConnectionId?: string };

export function App() {
  const t = useT();
  const connections = useQuery(connectionsQuery());
  // A reload comes back to the connection and pool in the address (a user too: see PoolWorkspace).
  const [selection, setSelection] = useState<Selection>(() => {
    const place = readPlace();
    return { connectionId: place.connection, poolId: place.pool, revision: 0 };
  });
  const [manager, setManager] = useState<ManagerState>({ open: false });
  const [inboxOpen, setInboxOpen] = useState(false);
  const inboxToggleRef = useRef<HTMLButtonElement>(null);
  const [controlsOpen, setControlsOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  // The recovery screens stay mounted (hidden) while the audit log shows, so a call in progress keeps its state.
  const [view, setView] = useState<View>('recovery');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const auditRef = useRef<HTMLElement>(null);
  // The search across every pool: open in the main area or not, and its last search (coming back shows its results).
  const [allPools, setAllPools] = useState<{ open: boolean; search?: StartedSearch }>({ open: false });
  const allPoolsButtonRef = useRef<HTMLButtonElement>(null);

  const list = connections.data?.connections ?? [];
  // A chosen connection that is gone (deleted) falls back to the default, and none of its pools stay chosen.
  const chosenExists = selection.connectionId !== undefined && list.some((c) => c.id === selection.connectionId);
  const connectionId = chosenExists ? selection.connectionId : defaultConnectionId(list);
  const connection = list.find((c) => c.id === connectionId);
  const poolId = chosenExists ? selection.poolId : undefined;
  // Every screen below is keyed by the connection (and its revision): another connection never inherits a pool, a user or a draft.
  const scope = `${connectionId ?? ''}#${selection.revision}`;

  const chooseConnection = (id: string) => setSelection((current) => ({ connectionId: id, revision: current.revision + 1 }));
  const connectionChanged = (id: string, change: ConnectionChange) => {
    if (id !== connectionId) return;
    // Edited: same connection, nothing read before applies. Deleted: back to the default.
    setSelection((current) => ({ ...(change === 'edited' ? { connectionId: id } : {}), revision: current.revision + 1 }));
  };
  useEffect(() => {
    // Only once the list is known: a connection from the address that no longer exists is not kept.
    if (connections.data) writePlace({ connection: connectionId, pool: poolId, ...(poolId && poolId === readPlace().pool ? { user: readPlace().user } : {}) });
  }, [connections.data, connectionId, poolId]);
  /** A user found in another pool (or connection): that pool opens in the workspace, with the user. */
  const openFoundUser = (place: FoundUserPlace) => {
    noteUserOpened();
    // The workspace reads the user from the address as it opens.
    writePlace({ connection: place.connectionId, pool: place.poolId, user: place.username });
    setSelection((current) => ({ connectionId: place.connectionId, poolId: place.poolId, revision: current.revision + 1 }));
    setAllPools((current) => ({ ...current, open: false }));
  };
  const isDemo = connection?.kind === 'demo';
  const showInbox = inboxOpen && isDemo;
  const showControls = controlsOpen && isDemo;
  // The window's (the tab's) title, in the page's language.
  useEffect(() => {
    document.title = t('app.title', { view });
  }, [t, view]);

  return (
    <div className={`app${showInbox || showControls ? ' with-demo-side' : ''}`}>
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          // Focus the main area without touching the address bar.
          event.preventDefault();
          (view === 'audit' ? auditRef : mainRef).current?.focus();
        }}
      >
        {t('app.skipToMain')}
      </a>
      <header className="topbar">
        <h1 className="brand">{t('app.brand')}</h1>
        <ToggleButtonGroup
          className="view-switch"
          aria-label={t('app.view.label')}
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[view]}
          onSelectionChange={(keys) => {
            const next = [...keys][0];
            if (next === 'recovery' || next === 'audit') setView(next);
          }}
        >
          <ToggleButton id="recovery" className="view-switch-button">
            {t('app.view.recovery')}
          </ToggleButton>
          <ToggleButton id="audit" className="view-switch-button">
            {t('app.view.audit')}
          </ToggleButton>
        </ToggleButtonGroup>
        <ConnectionPicker connectionId={connectionId} onChange={chooseConnection} />
        <Button
          className="button button-secondary header-button connections-button"
          aria-label={t('app.connections.manageLabel')}
          aria-haspopup="dialog"
          aria-expanded={manager.open}
          onPress={() => setManager({ open: true })}
        >
          {t('app.connections.manage')}
        </Button>
        {isDemo && (
          <div className="demo-toggles">
            <ToggleButton className="button button-secondary demo-toggle" isSelected={controlsOpen} onChange={setControlsOpen}>
              {t('app.demo.controls')}
            </ToggleButton>
            <ToggleButton ref={inboxToggleRef} className="button button-secondary demo-toggle" isSelected={inboxOpen} onChange={setInboxOpen}>
              {t('app.demo.inbox')}
            </ToggleButton>
          </div>
        )}
        <Button
          className="button button-secondary header-button"
          aria-haspopup="dialog"
          aria-expanded={settingsOpen}
          onPress={() => setSettingsOpen(true)}
        >
          {t('app.settings')}
        </Button>
        <PolicyNotice />
        <ConnectionsNotice />
        <SettingsNotice onOpenSettings={() => setSettingsOpen(true)} />
      </header>

      <nav className="sidebar" aria-labelledby="pools-heading" hidden={view === 'audit'}>
        <h2 id="pools-heading">{t('app.pools.heading')}</h2>
        {connection && <ConnectionInfo connection={connection} />}
        {connectionId && (
          <div className="all-pools-entry">
            <Button
              ref={allPoolsButtonRef}
              className="button button-secondary"
              aria-describedby="all-pools-hint"
              aria-expanded={allPools.open}
              aria-controls="main"
              onPress={() => setAllPools((current) => ({ ...current, open: true }))}
            >
              {t('allPools.open')}
            </Button>
            <p id="all-pools-hint" className="field-hint">
              {t('allPools.openHint')}
            </p>
          </div>
        )}
        {connectionId ? (
          <PoolList
            key={scope}
            connectionId={connectionId}
            poolId={allPools.open ? undefined : poolId}
            onSelect={(id) => {
              setAllPools((current) => ({ ...current, open: false }));
              setSelection((current) => ({ connectionId, poolId: id, revision: current.revision }));
            }}
          />
        ) : (
          <p className="muted">{t('app.pools.chooseConnection')}</p>
        )}
      </nav>

      <main id="main" ref={mainRef} tabIndex={-1} className="main" hidden={view === 'audit'}>
        {connection && <ConnectionAttention key={scope} connection={connection} onReenterKeys={(id) => setManager({ open: true, editConnectionId: id })} />}
        {connectionId && connection && allPools.open ? (
          <AllPoolsSearch
            connectionId={connectionId}
            connectionName={connection.name}
            search={allPools.search}
            onStarted={(search) => setAllPools({ open: true, search })}
            onOpen={openFoundUser}
            onClose={() => {
              setAllPools((current) => ({ ...current, open: false }));
              allPoolsButtonRef.current?.focus();
            }}
          />
        ) : connectionId && poolId ? (
          <PoolWorkspace key={`${scope}/${poolId}`} connectionId={connectionId} poolId={poolId} />
        ) : (
          <div className="empty-state welcome">
            <h2>{t('app.welcome.heading')}</h2>
            <ol>
              <li>{t('app.welcome.chooseStep')}</li>
              <li>{t('app.welcome.findStep')}</li>
              <li>{t('app.welcome.resetStep')}</li>
            </ol>
            {connections.isPending && <Loading>{t('app.connections.loading')}</Loading>}
          </div>
        )}
      </main>

      {view === 'audit' && (
        <main id="audit-log-view" ref={auditRef} tabIndex={-1} className="main audit-main" aria-labelledby="audit-heading">
          <Suspense fallback={<Loading>{t('app.opening.auditLog')}</Loading>}>
            <AuditLog />
          </Suspense>
        </main>
      )}

      {manager.open && (
        <Suspense fallback={null}>
          <ConnectionsManager
            currentConnectionId={connectionId}
            {...(manager.editConnectionId ? { editConnectionId: manager.editConnectionId } : {})}
            onClose={() => setManager({ open: false })}
            onChanged={connectionChanged}
          />
        </Suspense>
      )}

      {settingsOpen && (
        <Suspense fallback={null}>
          <SettingsDialog onClose={() => setSettingsOpen(false)} />
        </Suspense>
      )}

      {(showInbox || showControls) && (
        <div className="demo-side">
          {showControls && (
            <Suspense fallback={<Loading>{t('app.opening.demoControls')}</Loading>}>
              <DemoControls onClose={() => setControlsOpen(false)} />
            </Suspense>
          )}
          {showInbox && (
            <Suspense fallback={<Loading>{t('app.opening.demoInbox')}</Loading>}>
              <DemoInbox
                onClose={() => {
                  setInboxOpen(false);
                  inboxToggleRef.current?.focus();
                }}
              />
            </Suspense>
          )}
        </div>
      )}
    </div>
  );
}
