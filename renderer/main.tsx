import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiCallError } from './api/client';
import { App } from './app';
import { ErrorBoundary } from './components/error-boundary';
import { labelLiveAnnouncements } from './components/live-announcer-names';
import { LocaleProvider } from './i18n/locale-provider';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retry only what the service says can succeed later (throttling, network); a wrong input stays wrong.
      retry: (failureCount, error) => (error instanceof ApiCallError ? error.retryable : true) && failureCount < 2,
      // An operator mid-call should not see lists reshuffle because they switched windows.
      refetchOnWindowFocus: false,
    },
    // Recovery calls send codes and change passwords: never repeat one on the operator's behalf.
    mutations: { retry: false },
  },
});

labelLiveAnnouncements();

const root = document.getElementById('root');
if (!root) throw new Error('The page is missing its #root element.');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
