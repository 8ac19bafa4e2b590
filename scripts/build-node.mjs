// Compiles the command line and the browser-edition server to plain JavaScript in out/node/, so
// neither needs a TypeScript runner at run time. esbuild follows the imports from the two entry
// points, so a new source file is picked up without a list to keep. Packages stay external
// (node_modules is there at run time) and dynamic imports become their own chunks, so exceljs and
// docx load only when a command asks for them.
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NODE_OUT_DIR = path.join(root, 'out', 'node');
const ENTRY_POINTS = { cli: 'src/cli/main.ts', web: 'src/web/main.ts' };
const SOURCE_DIRS = ['src'];
/**
 * Small pure-JavaScript packages every command needs: bundled, because loading zod's and yaml's
 * hundreds of files one by one costs more than running them. Everything else stays in node_modules.
 */
const BUNDLED_PACKAGES = new Set(['zod', 'yaml', 'markdown-it']);

/**
 * Modules find files next to themselves with `new URL('../x', import.meta.url)`. In a bundle every
 * module would share the bundle's URL, so each keeps the URL of its own source file instead.
 */
const externalPackagesPlugin = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED_PACKAGES.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

const sourceUrlPlugin = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromOut = path.relative(NODE_OUT_DIR, args.path).split(path.sep).join('/');
      const contents = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromOut)}, import.meta.url).href`);
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

export async function buildNode() {
  const { build } = await import('esbuild');
  await rm(NODE_OUT_DIR, { recursive: true, force: true }); // chunk names change with their content
  await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: NODE_OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    // Chunks sit beside the entry points: the URLs written by sourceUrlPlugin assume that depth.
    chunkNames: '[name]-[hash]',
    logLevel: 'warning',
    // Lets the pack cache tell this build's parsed packs from another build's.
    define: { 'process.env.MILEPAEL_BUILD_ID': JSON.stringify(`${Date.now()}-${process.pid}`) },
    // Bundled CommonJS packages (yaml's Node build) require Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [externalPackagesPlugin, sourceUrlPlugin],
  });
}

async function newestMtime(dir) {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** True when one of `outputs` is missing or older than a source file (a pull or an edit since it was built). */
export async function isStale(outputs) {
  let built;
  try {
    built = Math.min(...(await Promise.all(outputs.map(async (file) => (await stat(file)).mtimeMs))));
  } catch {
    return true;
  }
  const newest = Math.max(...(await Promise.all(SOURCE_DIRS.map((dir) => newestMtime(path.join(root, dir))))));
  return newest > built;
}

export const nodeBuildIsStale = () => isStale(Object.keys(ENTRY_POINTS).map((name) => path.join(NODE_OUT_DIR, `${name}.js`)));
export const uiBuildIsStale = () => isStale([path.join(root, 'out', 'renderer', 'index.html')]);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const onlyIfStale = process.argv.includes('--if-stale');
  if (!onlyIfStale || (await nodeBuildIsStale())) await buildNode();
}
