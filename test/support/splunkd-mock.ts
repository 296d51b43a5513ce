/**
 * A splunkd that answers the search-job REST endpoints @splunk/search-job calls,
 * at the network layer (a `fetch` implementation), and runs `| inputlookup <name>`
 * over the app's real lookups (transforms.conf + lookups/*.csv).
 *
 * Endpoints and response shapes: Splunk REST API reference, search endpoints
 * https://help.splunk.com/en/splunk-enterprise/rest-api-reference/10.0/search-endpoints/search-endpoint-descriptions
 *   POST {splunkd}/servicesNS/{owner}/{app}/search/jobs  -> 201 {"sid": ...}
 *   GET  {splunkd}/services/search/jobs?id=<sid>&...       -> {"entry": [{"name", "content": {...}}]}
 *   GET  {splunkd}/services/search/v2/jobs/{sid}/results   -> {"results": [...]}; count defaults to 100, 0 = all
 *   POST {splunkd}/services/search/jobs/{sid}/control      -> 200
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseConf } from '../../src/conf/conf';

export type Row = Record<string, string>;

interface Job {
  sid: string;
  search: string;
  rows: Row[];
  fatal?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  params: URLSearchParams;
}

export interface MinimalResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface SplunkdMockOptions {
  appDir: string;
  splunkdPath: string;
  /** While set, jobs report dispatchState RUNNING. */
  holdJobs?: boolean;
  /** Make matching searches fail the way splunkd reports a failed job (isFailed, FATAL message). */
  failSearch?: (search: string) => string | undefined;
}

/** The results endpoint's default page size (`count`). */
const DEFAULT_RESULT_COUNT = 100;

export class SplunkdMock {
  readonly requests: RecordedRequest[] = [];
  private readonly jobs = new Map<string, Job>();
  private holding: boolean;
  private nextSid = 1;

  constructor(private readonly options: SplunkdMockOptions) {
    this.holding = options.holdJobs ?? false;
  }

  releaseJobs(): void {
    this.holding = false;
  }

  readonly fetch = async (input: string, init: { method?: string; body?: string } = {}): Promise<MinimalResponse> => {
    const url = new URL(input, 'http://splunk.example:8000');
    const method = (init.method ?? 'GET').toUpperCase();
    const params = method === 'GET' ? url.searchParams : new URLSearchParams(init.body ?? '');
    if (!url.pathname.startsWith(this.options.splunkdPath)) return respond(404, { messages: [{ type: 'ERROR', text: `Not found: ${url.pathname}` }] });
    const path = url.pathname.slice(this.options.splunkdPath.length);
    this.requests.push({ method, path, params });
    return this.route(method, path, params);
  };

  private route(method: string, path: string, params: URLSearchParams): MinimalResponse {
    let match: RegExpExecArray | null;
    if (method === 'POST' && /^\/services(NS\/[^/]+\/[^/]+)?\/search\/jobs$/.test(path)) return this.createJob(params);
    if (method === 'GET' && path === '/services/search/jobs') return this.status(params.getAll('id'));
    if (method === 'GET' && (match = /^\/services\/search\/v2\/jobs\/([^/]+)\/results$/.exec(path))) return this.results(decodeURIComponent(match[1]), params);
    if (method === 'POST' && /^\/services\/search\/jobs\/[^/]+\/control$/.test(path)) return respond(200, { messages: [] });
    return respond(404, { messages: [{ type: 'ERROR', text: `splunkd mock has no ${method} ${path}` }] });
  }

  private createJob(params: URLSearchParams): MinimalResponse {
    const search = params.get('search') ?? '';
    if (search === '') return respond(400, { messages: [{ type: 'FATAL', text: 'Empty search.' }] });
    const sid = `1764200000.${this.nextSid++}`;
    const job: Job = { sid, search, rows: [] };
    const failure = this.options.failSearch?.(search);
    if (failure) job.fatal = failure;
    else {
      const lookup = /^\|\s*inputlookup\s+(\S+)\s*$/.exec(search);
      if (!lookup) return respond(400, { messages: [{ type: 'FATAL', text: `splunkd mock runs only "| inputlookup <name>", not: ${search}` }] });
      const rows = this.readLookup(lookup[1]);
      if (rows) job.rows = rows;
      else job.fatal = `The lookup table '${lookup[1]}' requires a .csv or KV store lookup definition.`;
    }
    this.jobs.set(sid, job);
    return respond(201, { sid });
  }

  private status(sids: string[]): MinimalResponse {
    const entry = sids.flatMap((sid) => {
      const job = this.jobs.get(sid);
      if (!job) return [];
      const done = !this.holding;
      const failed = done && job.fatal !== undefined;
      return [
        {
          name: job.search,
          content: {
            sid,
            dispatchState: !done ? 'RUNNING' : failed ? 'FAILED' : 'DONE',
            isDone: done,
            isFailed: failed,
            isFinalized: false,
            isRealTimeSearch: false,
            resultCount: done && !failed ? job.rows.length : 0,
            resultPreviewCount: 0,
            doneProgress: done ? 1 : 0.3,
            messages: failed ? [{ type: 'FATAL', text: job.fatal }] : [],
          },
        },
      ];
    });
    return respond(200, { entry, paging: { total: entry.length, perPage: 0, offset: 0 }, messages: [] });
  }

  private results(sid: string, params: URLSearchParams): MinimalResponse {
    const job = this.jobs.get(sid);
    if (!job) return respond(404, { messages: [{ type: 'FATAL', text: `Unknown sid: ${sid}` }] });
    const count = Number(params.get('count') ?? DEFAULT_RESULT_COUNT);
    const offset = Number(params.get('offset') ?? 0);
    const rows = count === 0 ? job.rows.slice(offset) : job.rows.slice(offset, offset + count);
    const fields = rows.length > 0 ? Object.keys(rows[0]).map((name) => ({ name })) : [];
    return respond(200, { preview: false, init_offset: offset, messages: [], fields, results: rows, highlighted: {} });
  }

  /** Rows of a CSV lookup definition of the app, or undefined when there is none. */
  private readLookup(name: string): Row[] | undefined {
    const transforms = parseConf(readFileSync(join(this.options.appDir, 'default', 'transforms.conf'), 'utf8'), 'transforms.conf');
    const file = transforms.get(name)?.settings.get('filename');
    if (!file) return undefined;
    const rows = parse(readFileSync(join(this.options.appDir, 'lookups', file), 'utf8'), { columns: true }) as Row[];
    // splunkd leaves empty fields out of JSON results (unverified for inputlookup).
    return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== '')));
  }
}

function respond(status: number, body: unknown): MinimalResponse {
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => body,
    text: async () => JSON.stringify(body),
  };
}
