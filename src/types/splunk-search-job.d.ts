/**
 * Types for @splunk/search-job 3.1.0, which ships none. Only what the app uses;
 * shapes read from the package source (SearchJob.js, progressTracker.js) and
 * Splunk's search/jobs REST reference.
 */
declare module '@splunk/search-job' {
  /** The subset of an rxjs 5 Observable the app relies on. */
  export interface Observable<T> {
    subscribe(observer: {
      next?: (value: T) => void;
      error?: (error: unknown) => void;
      complete?: () => void;
    }): Subscription;
  }

  export interface Subscription {
    unsubscribe(): void;
  }

  export interface SplunkMessage {
    type: string;
    text: string;
  }

  /** `entry[].content` of GET search/jobs. */
  export interface SearchJobContent {
    sid: string;
    dispatchState?: string;
    isDone?: boolean;
    isFailed?: boolean;
    isFinalized?: boolean;
    resultCount?: number;
    messages?: SplunkMessage[];
  }

  export interface SearchJobState {
    name?: string;
    content: SearchJobContent;
  }

  /** GET search/v2/jobs/{sid}/results?output_mode=json; values are strings, multivalue fields arrays. */
  export interface ResultsPayload {
    preview?: boolean;
    init_offset?: number;
    messages?: SplunkMessage[];
    fields?: { name: string }[];
    results: Record<string, string | string[]>[];
  }

  export interface SearchParams {
    search: string;
    earliest_time?: string;
    latest_time?: string;
    [parameter: string]: string | number | boolean | undefined;
  }

  export interface DispatchOptions {
    app?: string;
    owner?: string;
    sharing?: 'app' | 'global' | 'system';
    cache?: boolean;
    cacheLimit?: number;
    cancelOnUnload?: boolean;
    keepAlive?: boolean;
  }

  export interface ResultsParams {
    /** 0 returns every result (up to limits.conf maxresultrows); the endpoint's default is 100. */
    count?: number;
    offset?: number;
    [parameter: string]: string | number | boolean | undefined;
  }

  export default class SearchJob {
    static create(params: SearchParams, options?: DispatchOptions): SearchJob;
    static fromSid(sid: string, options?: { keepAlive?: boolean }): SearchJob;
    static setSplunkConfig(config: { splunkdPath?: string; app?: string; owner?: string }): void;
    static setBaseFetchInit(init: RequestInit): void;
    getSid(): Observable<string>;
    getProgress(): Observable<SearchJobState>;
    whenDone(): Observable<SearchJobState>;
    /** Emits `null` when the endpoint answers 204. */
    getResults(params?: ResultsParams): Observable<ResultsPayload | null>;
    cancel(): Observable<unknown>;
  }
}

declare module '@splunk/search-job/progressTracker' {
  /** Shortens the status polling interval; only when NODE_ENV is "test". */
  export function setIntervalTest(longInterval: number, shortInterval?: number): void;
  export function resetTest(): void;
}
