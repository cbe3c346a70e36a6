// Bundles the IDE (GraphiQL, its explorer, React) into dist/ide at build time, so the gateway
// serves everything itself: the page works offline and no request leaves the hub.
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build } from 'esbuild';

// One React for the whole page: the hoisted tree holds another major version (for other tools),
// and two Reacts on one page break every hook. Everything resolves React from the gateway's own.
const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

const out = new URL('../dist/ide/', import.meta.url);
await mkdir(out, { recursive: true });
await build({
  entryPoints: [new URL('./main.jsx', import.meta.url).pathname],
  outfile: new URL('ide.js', out).pathname,
  bundle: true,
  alias: { react: packageDir('react'), 'react-dom': packageDir('react-dom') },
  minify: true,
  format: 'iife',
  target: 'es2020',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
  logLevel: 'warning',
  legalComments: 'none',
});
await copyFile(new URL('./index.html', import.meta.url), new URL('index.html', out));
