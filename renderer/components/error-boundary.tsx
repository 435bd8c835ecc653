import { Component, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

interface ErrorBoundaryState {
  failed: boolean;
}

/** A last line of defence: a rendering bug shows a calm message instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <CrashNotice />;
  }
}

function CrashNotice() {
  const t = useT();
  return (
    <div role="alert" className="notice notice-error crash">
      <p className="notice-title">{t('common.crash.title')}</p>
      <p className="notice-guidance">{t('common.crash.guidance')}</p>
    </div>
  );
}
