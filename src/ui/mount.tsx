/**
 * Puts a page on screen in either of the two ways Splunk can load its bundle:
 *
 * - inside the app's Simple XML dashboard (`<dashboard version="1.1" script=...>`,
 *   what the app ships): Splunk draws the Splunk bar and app bar, the page renders
 *   into the panel element with id PAGE_ROOT_ID;
 * - on an empty page (Splunk 10.4's `pages/splunk_ui_app.html` view template): no
 *   such element exists, so @splunk/react-page's layout() draws the bars and the page.
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import layout from '@splunk/react-page/18';
import { LayerStackGlobalProvider } from '@splunk/react-ui/Layer';
import SplunkThemeProvider from '@splunk/themes/SplunkThemeProvider';
import { getUserTheme } from '@splunk/splunk-utils/themes';
import { PAGE_ROOT_ID } from './page-root';

export type ColorScheme = 'light' | 'dark';

/** The signed-in user's Splunk theme; light when Splunk Web cannot tell. */
export async function userColorScheme(): Promise<ColorScheme> {
  try {
    return (await getUserTheme()) === 'dark' ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

export function ThemedPage({ colorScheme, children }: { colorScheme: ColorScheme; children: React.ReactNode }): React.ReactElement {
  return (
    <SplunkThemeProvider family="enterprise" colorScheme={colorScheme} density="comfortable">
      <LayerStackGlobalProvider>{children}</LayerStackGlobalProvider>
    </SplunkThemeProvider>
  );
}

export async function mountPage(page: React.ReactElement, { pageTitle }: { pageTitle: string }): Promise<void> {
  const colorScheme = await userColorScheme();
  const host = document.getElementById(PAGE_ROOT_ID);
  if (host) {
    host.textContent = '';
    createRoot(host).render(<ThemedPage colorScheme={colorScheme}>{page}</ThemedPage>);
    return;
  }
  layout(page, { pageTitle, theme: colorScheme, layout: 'scrolling' });
}
