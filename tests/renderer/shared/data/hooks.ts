import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ErrorReporterProvider } from '../../../../renderer/src/shared/data/error-reporter';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders `children` under a query client and an error reporter that records what it is told. */
export function mount(client: QueryClient, children: () => ReactNode): { root: Root; reported: string[]; rerender: () => void } {
  const reported: string[] = [];
  const root = createRoot(document.createElement('div'));
  const tree = () =>
    createElement(QueryClientProvider, { client }, createElement(ErrorReporterProvider, { report: (text: string) => void reported.push(text), children: children() }));
  act(() => root.render(tree()));
  return { root, reported, rerender: () => act(() => root.render(tree())) };
}

/** Lets pending promises and React updates settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** A fake window.carrel: each method answers from `answers`, counting calls. */
export function fakeBridge(answers: Record<string, (input: unknown) => unknown>) {
  const calls: { method: string; input: unknown }[] = [];
  const bridge: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [method, answer] of Object.entries(answers)) {
    bridge[method] = async (input) => {
      calls.push({ method, input });
      return answer(input);
    };
  }
  (window as unknown as { carrel?: unknown }).carrel = bridge;
  return { calls, count: (method: string) => calls.filter((c) => c.method === method).length };
}
