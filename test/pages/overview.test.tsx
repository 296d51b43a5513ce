/**
 * @jest-environment jsdom
 *
 * The Overview page, rendered in jsdom from the app's real MITRE lookups, served by
 * a splunkd mock at the network layer (test/support/splunkd-mock.ts) to the real
 * @splunk/search-job client.
 */
import '../support/splunk-web';
import { render, screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { setIntervalTest } from '@splunk/search-job/progressTracker';
import { OverviewPage } from '../../src/pages/overview/OverviewPage';
import { ThemedPage } from '../../src/ui/mount';
import { APP_ID, REPO_ROOT } from '../../src/app-identity/identity';
import { SPLUNKD_PATH } from '../support/splunk-web';
import { SplunkdMock, SplunkdMockOptions } from '../support/splunkd-mock';

const FOUND = { timeout: 5000 };

function serve(options: Partial<SplunkdMockOptions> = {}): SplunkdMock {
  const splunkd = new SplunkdMock({ appDir: REPO_ROOT, splunkdPath: SPLUNKD_PATH, ...options });
  Object.assign(global, { fetch: splunkd.fetch });
  return splunkd;
}

function renderOverview(): void {
  render(
    <ThemedPage colorScheme="light">
      <OverviewPage />
    </ThemedPage>,
  );
}

beforeAll(() => setIntervalTest(20));

describe('Overview page', () => {
  it('shows a loading state while its searches run, then every technique from the lookups', async () => {
    const splunkd = serve({ holdJobs: true });
    renderOverview();
    const loading = await screen.findByText('Loading the MITRE ATT&CK lookups…');
    expect(loading.closest('[role="status"]')).toBeInTheDocument();
    await waitForStatusPolls(splunkd, 2);
    expect(screen.queryByText(/technique–mitigation pairs/)).not.toBeInTheDocument();

    splunkd.releaseJobs();
    expect(await screen.findByText('MITRE ATT&CK 19.1: 7 techniques, 8 mitigations, 24 technique–mitigation pairs.', {}, FOUND)).toBeInTheDocument();
    expect(screen.queryByText(/Loading the MITRE ATT&CK lookups/)).not.toBeInTheDocument();

    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'T1505 Server Software Component',
      'T1505.001 SQL Stored Procedures',
      'T1505.002 Transport Agent',
      'T1505.003 Web Shell',
      'T1505.004 IIS Components',
      'T1505.005 Terminal Services DLL',
      'T1505.006 vSphere Installation Bundles',
    ]);
  });

  it('asks splunkd in the app namespace for every result row (count=0)', async () => {
    const splunkd = serve();
    renderOverview();
    await screen.findByText(/24 technique–mitigation pairs/, {}, FOUND);
    const creates = splunkd.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/search/jobs'));
    expect(creates.map((r) => r.path)).toEqual([`/servicesNS/-/${APP_ID}/search/jobs`, `/servicesNS/-/${APP_ID}/search/jobs`]);
    expect(creates.map((r) => r.params.get('search')).sort()).toEqual([
      '| inputlookup t1505_mitigations_lookup',
      '| inputlookup t1505_techniques_lookup',
    ]);
    const results = splunkd.requests.filter((r) => r.path.endsWith('/results'));
    expect(results.map((r) => r.params.get('count'))).toEqual(['0', '0']);
  });

  it('shows each technique with its platforms, detection strategy and the mitigations that apply', async () => {
    serve();
    renderOverview();
    const section = within((await screen.findByText('T1505.004 IIS Components', {}, FOUND)).closest('section') as HTMLElement);
    expect(section.getByText('Windows')).toBeInTheDocument();
    expect(section.getByRole('link', { name: /DET0068 Detection Strategy for T1505\.004/ })).toHaveAttribute(
      'href',
      'https://attack.mitre.org/detectionstrategies/DET0068',
    );
    const mitigationRows = section.getAllByRole('row').slice(1);
    expect(mitigationRows.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual([
      expect.stringContaining('M1026'),
      expect.stringContaining('M1038'),
      expect.stringContaining('M1045'),
      expect.stringContaining('M1047'),
    ]);
    expect(section.getByText(/Restrict unallowed ISAPI extensions and filters from running/)).toBeInTheDocument();
    expect(section.getByRole('heading', { level: 3 })).toHaveTextContent('Mitigations (4)');

    const totalPairs = screen
      .getAllByRole('heading', { level: 3 })
      .map((h) => Number(/\((\d+)\)/.exec(h.textContent ?? '')?.[1]))
      .reduce((a, b) => a + b, 0);
    expect(totalPairs).toBe(24);
  });

  it('renders MITRE markup as text: links to attack.mitre.org, code, lists, no citation markers', async () => {
    serve();
    renderOverview();
    const section = within((await screen.findByText('T1505.005 Terminal Services DLL', {}, FOUND)).closest('section') as HTMLElement);
    expect(section.getByRole('link', { name: /Remote Desktop Protocol/ })).toHaveAttribute('href', 'https://attack.mitre.org/techniques/T1021/001');
    expect(section.getAllByText('termsrv.dll', { selector: 'code' }).length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toContain('(Citation:');
    expect(document.body.textContent).not.toContain('<code>');
    const vib = within(screen.getByText('T1505.006 vSphere Installation Bundles').closest('section') as HTMLElement);
    expect(vib.getAllByRole('listitem').map((li) => li.textContent?.split(':')[0])).toEqual(['VIB payload', 'Signature file', 'XML descriptor file']);
  });

  it('shows a clear message with Splunk\'s reason when a search fails', async () => {
    serve({
      failSearch: (search) =>
        search.includes('t1505_mitigations_lookup') ? "The lookup table 't1505_mitigations_lookup' does not exist or is not available." : undefined,
    });
    renderOverview();
    expect(await screen.findByText('Could not load the MITRE ATT&CK lookups', {}, FOUND)).toBeInTheDocument();
    expect(screen.getByText(/Splunk said: The lookup table 't1505_mitigations_lookup' does not exist or is not available\./)).toBeInTheDocument();
    expect(screen.queryByText(/Loading the MITRE ATT&CK lookups/)).not.toBeInTheDocument();
    expect(screen.queryAllByRole('heading', { level: 2 })).toHaveLength(0);
  });

  it('shows splunkd\'s message when the search cannot even be created', async () => {
    const splunkd = serve();
    const fetchOk = splunkd.fetch;
    Object.assign(global, {
      fetch: (input: string, init?: { method?: string; body?: string }) =>
        init?.method === 'POST' && input.endsWith('/search/jobs')
          ? Promise.resolve({ ok: false, status: 403, json: async () => ({ messages: [{ type: 'ERROR', text: 'User analyst does not have the capability to search.' }] }) })
          : fetchOk(input, init),
    });
    renderOverview();
    expect(await screen.findByText(/Splunk said: User analyst does not have the capability to search\./, {}, FOUND)).toBeInTheDocument();
  });
});

async function waitForStatusPolls(splunkd: SplunkdMock, polls: number): Promise<void> {
  const statusPolls = (): number => splunkd.requests.filter((r) => r.method === 'GET' && r.path === '/services/search/jobs').length;
  const deadline = Date.now() + 5000;
  while (statusPolls() < polls) {
    if (Date.now() > deadline) throw new Error(`splunkd saw ${statusPolls()} status polls, expected ${polls}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
