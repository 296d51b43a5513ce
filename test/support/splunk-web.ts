/**
 * What Splunk Web puts on every page before an app's bundle runs: `window.$C`
 * (served by /<locale>/config?autoload=1). @splunk/splunk-utils reads it when it is
 * first imported, so test files import this module before anything from @splunk.
 */
export const SPLUNKD_PATH = '/en-US/splunkd/__raw';

const splunkWebConfig = {
  SPLUNKD_PATH,
  LOCALE: 'en-US',
  MRSPARKLE_ROOT_PATH: '',
  MRSPARKLE_PORT_NUMBER: '8000',
  BUILD_NUMBER: 1234567890,
  BUILD_PUSH_NUMBER: 0,
  APP_BUILD: 100,
  USERNAME: 'analyst',
  SPLUNK_UI_THEME: 'enterprise',
};

Object.assign(window, { $C: splunkWebConfig });
