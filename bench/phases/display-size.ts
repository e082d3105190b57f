/**
 * The display page's JavaScript, gzipped: the script and the modulepreloads its built index.html
 * names, each gzipped at level 9 as a server would send it, summed. Chunks the page imports later
 * (dynamic `import()`) are counted apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_ROOT } from '../../server/web-build.ts';

function assetsOf(html: string): string[] {
  const found = [...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)];
  return [...new Set(found.map((m) => (m[1] ?? m[2])!))];
}

/** Chunks named in `import("./x.js")` of the given files that are not loaded already. */
function lazyChunks(files: string[], loaded: Set<string>): string[] {
  const lazy = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/import\(\s*["']\.\/([^"']+\.js)["']\s*\)/g)) {
      const chunk = path.join(path.dirname(file), m[1]!);
      if (!loaded.has(chunk)) lazy.add(chunk);
    }
  }
  return [...lazy];
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export function displaySize() {
  const html = path.join(WEB_ROOT, 'display', 'index.html');
  if (!existsSync(html)) throw new Error(`${html} is missing: run npm run build`);
  const files = assetsOf(readFileSync(html, 'utf8')).map((src) => path.join(WEB_ROOT, src.replace(/^\//, '')));
  const lazy = lazyChunks(files, new Set(files));
  const sizes = Object.fromEntries(files.map((f) => [path.basename(f), { bytes: readFileSync(f).length, gzip_bytes: gz(f) }]));
  return {
    display_js_gzip_bytes: files.reduce((sum, f) => sum + gz(f), 0),
    display_js_bytes: files.reduce((sum, f) => sum + readFileSync(f).length, 0),
    lazy_js_gzip_bytes: lazy.reduce((sum, f) => sum + gz(f), 0),
    files: sizes,
    conditions: 'dist/web/display/index.html: its module script and modulepreloads, each gzipped (zlib level 9), summed; the build is made first if stale (vite build)',
  };
}
