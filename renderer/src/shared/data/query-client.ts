import { QueryClient } from '@tanstack/react-query';

/**
 * The app's cache of service answers. Data changes only through this window's own calls, so
 * nothing refetches on focus, reconnect or a timer; an IPC error is an answer, not a glitch, so
 * nothing is retried (saves have their own retry: pending-saves.ts). A view that mounts shows
 * what is cached and asks again (as every view did before the cache: a note typed in the reader
 * shows in the notebook); a change names what it makes stale (use-api-mutation.ts). A query
 * unused for five minutes is dropped; everything is dropped when another corpus opens (app.tsx).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        gcTime: 5 * 60_000,
      },
      mutations: { retry: false },
    },
  });
}
