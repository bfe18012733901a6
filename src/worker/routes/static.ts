import type { Context } from 'hono';
import type { AppEnv } from '../context';
import { extensionOf, GZIP_SUFFIX, PRECOMPRESSED_EXTENSIONS } from '../../shared/precompressed';
import { FRAMES_PATH } from '../middleware/security-headers';

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  webp: 'image/webp',
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  txt: 'text/plain; charset=utf-8',
  webmanifest: 'application/manifest+json',
  wasm: 'application/wasm',
};

/**
 * Serves the built web app from the ASSETS binding (a disk service under
 * workerd, wrangler's assets in development). Paths that are not files get
 * index.html so the app's own router handles them.
 */
export async function serveWebApp(c: Context<AppEnv>): Promise<Response> {
  const url = new URL(c.req.url);
  const asset = await fetchAsset(c, url.pathname);
  if (asset) return asset;
  // The renderer frame is a file or nothing: the app's page must never load under the frame's policy.
  if (url.pathname.startsWith(FRAMES_PATH)) return c.text('Not found', 404);
  return (await fetchAsset(c, '/index.html')) ?? c.text('The web app is not built; run npm run build', 503);
}

async function fetchAsset(c: Context<AppEnv>, pathname: string): Promise<Response | null> {
  if (pathname.endsWith('/') || pathname.includes('..')) return null;
  const extension = extensionOf(pathname);
  const compressible = PRECOMPRESSED_EXTENSIONS.has(extension);
  const gzipped = compressible && acceptsGzip(c.req.header('Accept-Encoding')) ? await fetchFile(c, `${pathname}${GZIP_SUFFIX}`) : null;
  const response = gzipped ?? (await fetchFile(c, pathname));
  if (!response) return null;
  const headers = new Headers(response.headers);
  headers.set('Content-Type', CONTENT_TYPES[extension] ?? 'application/octet-stream');
  // Vite names built files by content hash; everything else must revalidate.
  const hashed = pathname.startsWith('/assets/') || pathname.startsWith(`${FRAMES_PATH}assets/`);
  headers.set('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (compressible) headers.set('Vary', 'Accept-Encoding');
  if (gzipped) headers.set('Content-Encoding', 'gzip');
  const body = c.req.method === 'HEAD' ? null : response.body;
  // 'manual': the body is gzip already; workerd would otherwise compress it again.
  return new Response(body, { status: 200, headers, encodeBody: gzipped ? 'manual' : 'automatic' });
}

async function fetchFile(c: Context<AppEnv>, pathname: string): Promise<Response | null> {
  const response = await c.env.ASSETS.fetch(new Request(new URL(pathname, c.req.url)));
  return response.ok ? response : null;
}

/** Whether an Accept-Encoding header offers gzip (`gzip;q=0` refuses it; browsers always name it). */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((offer) => {
    const [coding, ...params] = offer.toLowerCase().split(';').map((part) => part.trim());
    const q = params.find((p) => p.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}
