/**
 * One bundle per page: src/pages/<page>/index.tsx -> appserver/static/pages/<page>.js.
 * Each page is one self-contained file with a fixed name, because Splunk loads it by
 * that name (the dashboard's script= attribute; the 10.4 platform template by view name).
 * Production builds carry no source maps and never use eval (Splunk's content
 * security policy and AppInspect); development builds use separate .map files.
 */
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');

const PAGES_DIR = path.resolve(__dirname, 'src/pages');
const OUTPUT_DIR = path.resolve(__dirname, 'appserver/static/pages');

function pageEntries() {
  const entries = {};
  for (const page of fs.readdirSync(PAGES_DIR).sort()) {
    const entry = path.join(PAGES_DIR, page, 'index.tsx');
    if (fs.existsSync(entry)) entries[page] = entry;
  }
  if (Object.keys(entries).length === 0) throw new Error(`no src/pages/<page>/index.tsx under ${PAGES_DIR}`);
  return entries;
}

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    entry: pageEntries(),
    output: {
      path: OUTPUT_DIR,
      filename: '[name].js',
      clean: true,
    },
    devtool: production ? false : 'source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    // Every use of `global` in the dependencies is guarded by typeof; without this, webpack
    // adds a global-object shim that falls back to new Function (blocked by Splunk's CSP).
    node: { global: false },
    module: {
      rules: [
        {
          // lodash's AMD branch also sets window._, which would replace the underscore.js
          // copy Splunk Web keeps there (its dashboards run RequireJS). Hiding `define`
          // sends lodash down its CommonJS branch, which touches no global.
          test: require.resolve('lodash'),
          use: { loader: 'imports-loader', options: { additionalCode: 'var define = false;' } },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`'s job; isolatedModules makes transpiling file by file safe.
          use: { loader: 'ts-loader', options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({
        // styled-components marks its <style> tags with this attribute; a name of our own keeps
        // our styles apart from the styled-components copy Splunk Web may run on the same page.
        'process.env.SC_ATTR': JSON.stringify('data-t1505-styled'),
        'process.env.SC_DISABLE_SPEEDY': JSON.stringify(false),
      }),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
