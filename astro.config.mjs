// The portal: static pages prerendered by Astro, with Preact islands that read the published shards.
// @astrojs/cloudflare builds it for Workers; the pages ship as the static assets of the one Worker
// described in wrangler.toml, whose entry (worker/index.ts) serves the API and the shards first.
import { defineConfig } from 'astro/config';
import cloudflare from '@astrojs/cloudflare';
import preact from '@astrojs/preact';
import { rmSync } from 'node:fs';
import { identidadDeConstruccion } from './scripts/identidad/astro.ts';
import { encabezadosDeSeguridad } from './scripts/seguridad/astro.ts';
import { trozos } from './scripts/trozos/astro.ts';

// The Cloudflare Vite plugin leaves a redirect (.wrangler/deploy/config.json) to a generated, assets-only
// wrangler.json. Our wrangler.toml is the deployment's single description (Worker entry, D1, R2, cron,
// these assets), so the redirect is removed once the build is done.
const keepWranglerToml = {
  name: 'prep:keep-wrangler-toml',
  hooks: {
    'astro:build:done': () => rmSync(new URL('./.wrangler/deploy/config.json', import.meta.url), { force: true }),
  },
};

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  output: 'static',
  adapter: cloudflare(),
  // The security headers are written into _headers once the pages exist (scripts/seguridad/astro.ts); the build
  // identity comes last: it digests them with the rest and bundles the Worker with wrangler.toml
  // (docs/CONTROL-DE-CAMBIOS.md).
  integrations: [preact(), keepWranglerToml, encabezadosDeSeguridad(), identidadDeConstruccion()],
  telemetry: false,
  // The browser's code: in a few files by the pages that load it (scripts/trozos/astro.ts), without the banner the
  // Cloudflare adapter puts on every file for the Worker's bundle (it sets `process` for server code; the browser
  // code never reads it, and it cost ~50 bytes of gzip in every file).
  vite: {
    environments: {
      client: { build: { rolldownOptions: { output: { banner: '', codeSplitting: trozos() } } } },
    },
  },
});
