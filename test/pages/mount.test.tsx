/**
 * @jest-environment jsdom
 *
 * mountPage: inside the app's Simple XML dashboard it renders into the panel's
 * element; on an empty page (Splunk 10.4 platform template) it hands the page to
 * @splunk/react-page's layout(). Splunk Web's theme API script cannot load in
 * jsdom, so getUserTheme is replaced by the user's answer.
 */
import '../support/splunk-web';
import { act, screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import layout from '@splunk/react-page/18';
import { getUserTheme } from '@splunk/splunk-utils/themes';
import { mountPage, userColorScheme } from '../../src/ui/mount';
import { PAGE_ROOT_ID } from '../../src/ui/page-root';
import { APP_ID as BROWSER_APP_ID } from '../../src/ui/app';
import { APP_ID } from '../../src/app-identity/identity';

jest.mock('@splunk/react-page/18', () => ({ __esModule: true, default: jest.fn() }));
jest.mock('@splunk/splunk-utils/themes', () => ({ getUserTheme: jest.fn() }));

const userTheme = getUserTheme as jest.MockedFunction<typeof getUserTheme>;
const layoutMock = layout as jest.MockedFunction<typeof layout>;

afterEach(() => {
  document.body.innerHTML = '';
  jest.clearAllMocks();
});

describe('mountPage', () => {
  it('renders into the dashboard panel element, replacing its placeholder text', async () => {
    userTheme.mockResolvedValue('enterprise');
    document.body.innerHTML = `<div class="dashboard-body"><div id="${PAGE_ROOT_ID}">Loading the T1505 overview…</div></div>`;
    await act(() => mountPage(<p>page body</p>, { pageTitle: 'Overview' }));
    const host = document.getElementById(PAGE_ROOT_ID) as HTMLElement;
    await waitFor(() => expect(host).toHaveTextContent('page body'));
    expect(host).not.toHaveTextContent('Loading the T1505 overview');
    expect(layoutMock).not.toHaveBeenCalled();
  });

  it('uses react-page layout() with the user theme when the page has no panel element', async () => {
    userTheme.mockResolvedValue('dark');
    const page = <p>page body</p>;
    await mountPage(page, { pageTitle: 'Overview | T1505' });
    expect(layoutMock).toHaveBeenCalledWith(page, { pageTitle: 'Overview | T1505', theme: 'dark', layout: 'scrolling' });
    expect(screen.queryByText('page body')).not.toBeInTheDocument();
  });

  it('falls back to the light theme when Splunk Web cannot say', async () => {
    userTheme.mockRejectedValue(new Error('theme API not available'));
    await expect(userColorScheme()).resolves.toBe('light');
  });
});

it('the browser code uses the app id of the app identity', () => {
  expect(BROWSER_APP_ID).toBe(APP_ID);
});
