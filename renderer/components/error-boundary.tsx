import { Component, type ReactNode } from 'react';

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
    return (
      <div role="alert" className="notice notice-error crash">
        <p className="notice-title">This screen ran into a problem.</p>
        <p className="notice-guidance">Reload the page to carry on. Nothing was sent to Cognito by the failed screen.</p>
      </div>
    );
  }
}
