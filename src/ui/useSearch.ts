/** React hook over runSearch: the state of one search, re-run when the SPL changes. */
import { useEffect, useState } from 'react';
import { ResultRow, SearchRequest, runSearch } from './search';

export type SearchState =
  | { status: 'running' }
  | { status: 'done'; rows: ResultRow[] }
  | { status: 'failed'; message: string };

export function useSearch({ spl, earliest, latest }: SearchRequest): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'running' });
  useEffect(() => {
    setState({ status: 'running' });
    const search = runSearch({ spl, earliest, latest });
    let active = true;
    search.results.then(
      (rows) => active && setState({ status: 'done', rows }),
      (error: Error) => active && setState({ status: 'failed', message: error.message }),
    );
    return () => {
      active = false;
      search.cancel();
    };
  }, [spl, earliest, latest]);
  return state;
}

export type CombinedSearchState<Keys extends string> =
  | { status: 'running' }
  | { status: 'failed'; message: string }
  | { status: 'done'; rows: Record<Keys, ResultRow[]> };

/** Combines several searches: failed when any fails, else running until all are done. */
export function combineSearches<Keys extends string>(states: Record<Keys, SearchState>): CombinedSearchState<Keys> {
  const entries = Object.entries(states) as [Keys, SearchState][];
  const rows: Partial<Record<Keys, ResultRow[]>> = {};
  let running = false;
  for (const [key, state] of entries) {
    if (state.status === 'failed') return state;
    if (state.status === 'running') running = true;
    else rows[key] = state.rows;
  }
  return running ? { status: 'running' } : { status: 'done', rows: rows as Record<Keys, ResultRow[]> };
}
