/**
 * Runs one SPL search through Splunk's search/jobs REST API (@splunk/search-job)
 * and returns every result row, or fails with Splunk's own message.
 *
 * A failed job still completes @splunk/search-job's progress stream normally
 * (isDone and isFailed are both true), so the state is checked before results
 * are read. Results are requested with count=0: the endpoint's default is 100 rows.
 * https://help.splunk.com/en/splunk-enterprise/rest-api-reference/10.0/search-endpoints/search-endpoint-descriptions
 */
import SearchJob, { SearchJobState, SplunkMessage, Subscription } from '@splunk/search-job';
import { APP_ID } from './app';

export type ResultRow = Record<string, string | string[]>;

export interface SearchRequest {
  spl: string;
  earliest?: string;
  latest?: string;
}

export class SearchFailedError extends Error {
  constructor(
    readonly spl: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'SearchFailedError';
  }
}

export interface RunningSearch {
  results: Promise<ResultRow[]>;
  /** Stops listening and cancels the job on the server when it has not finished. */
  cancel(): void;
}

export function runSearch({ spl, earliest, latest }: SearchRequest): RunningSearch {
  const job = SearchJob.create({ search: spl, earliest_time: earliest, latest_time: latest }, { app: APP_ID });
  const subscriptions: Subscription[] = [];
  let settled = false;
  const results = new Promise<ResultRow[]>((resolve, reject) => {
    const fail = (reason: string): void => {
      settled = true;
      reject(new SearchFailedError(spl, reason));
    };
    subscriptions.push(
      job.whenDone().subscribe({
        next: (state) => {
          const failure = failureOf(state);
          if (failure) return fail(failure);
          subscriptions.push(
            job.getResults({ count: 0 }).subscribe({
              next: (payload) => {
                settled = true;
                resolve(payload?.results ?? []);
              },
              error: (error) => fail(describe(error)),
            }),
          );
        },
        error: (error) => fail(describe(error)),
      }),
    );
  });
  return {
    results,
    cancel: () => {
      subscriptions.forEach((s) => s.unsubscribe());
      if (!settled) job.cancel();
    },
  };
}

function failureOf({ content }: SearchJobState): string | undefined {
  if (!content.isFailed && content.dispatchState !== 'FAILED') return undefined;
  const messages = (content.messages ?? []).filter((m) => m.type === 'FATAL' || m.type === 'ERROR');
  return messages.length > 0 ? messages.map((m: SplunkMessage) => m.text).join(' ') : `Search job ${content.sid} failed.`;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'The search could not be run.';
}
