/** Types for @splunk/react-page 8.0.0 (no .d.ts shipped); options from its README, index.js and 18.js. */
declare module '@splunk/react-page/18' {
  import type { ElementType, ReactElement } from 'react';

  export interface LayoutOptions {
    pageTitle?: string;
    hideAppBar?: boolean;
    hideAppsList?: boolean;
    hideChrome?: boolean;
    hideFooter?: boolean;
    hideSplunkBar?: boolean;
    layout?: 'scrolling' | 'fixed';
    useGlobalLayerStack?: boolean;
    theme?: 'light' | 'dark' | 'enterprise';
    themeFamily?: 'enterprise' | 'prisma';
    themeDensity?: 'compact' | 'comfortable';
    loader?: 'scriptjs' | 'requirejs';
    lazyLoadLayout?: boolean;
    SplunkBarFallback?: ElementType;
    AppBarFallback?: ElementType;
    onLayoutStart?: (containers: { headerContainer: HTMLDivElement; bodyContainer: HTMLDivElement }) => void;
    onLayoutComplete?: () => void;
  }

  /** Renders the element (with React 18's createRoot) inside Splunk's layout: Splunk bar, app bar, footer. */
  export default function layout(element: ReactElement, options?: LayoutOptions): void;
}

/** The React 16/17 entry (ReactDOM.render); same options. The app uses '@splunk/react-page/18'. */
declare module '@splunk/react-page' {
  import type { ReactElement } from 'react';
  import type { LayoutOptions } from '@splunk/react-page/18';

  export type { LayoutOptions };
  export default function layout(element: ReactElement, options?: LayoutOptions): void;
}
