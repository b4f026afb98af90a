// How every Lambda is bundled, declared once: the CDK stack passes BUNDLING to
// each NodejsFunction, and the benchmark builds bundles with esbuildOptions(),
// so a measured bundle is byte-for-byte the kind of bundle that ships.
import path from 'node:path';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { DOCUMENT_FONTS } from '#shared/adapters/document-fonts';

/**
 * ESM output has no `require`, `__filename` or `__dirname`; CommonJS
 * dependencies bundled into it (and pdfkit's font loader) still call them.
 * The imports are aliased because bundled code may import `createRequire`
 * itself (pdfkit does), and a second binding of the same name is a syntax error.
 */
export const ESM_BANNER = [
  "import { createRequire as __bannerCreateRequire } from 'node:module';",
  "import { fileURLToPath as __bannerFileURLToPath } from 'node:url';",
  "import { dirname as __bannerDirname } from 'node:path';",
  'const require = __bannerCreateRequire(import.meta.url);',
  'const __filename = __bannerFileURLToPath(import.meta.url);',
  'const __dirname = __bannerDirname(__filename);',
].join(' ');

export const NODE_TARGET = 'node22';

/** The NodejsFunction `bundling` prop for every function in the stack. */
export const BUNDLING = {
  format: OutputFormat.ESM,
  minify: true,
  sourceMap: true,
  // Stack traces only need file/line mappings; the sources themselves would
  // roughly double the asset and the cold-start parse of the map.
  sourcesContent: false,
  target: NODE_TARGET,
  // Prefer ESM entry points so esbuild can tree-shake the AWS SDK.
  mainFields: ['module', 'main'],
  // Bundle everything, the AWS SDK included: the runtime's copy is whatever
  // version Lambda ships that week; ours is the one the tests ran against.
  externalModules: [],
  banner: ESM_BANNER,
  // The bundled packages' licence notices go to `index.mjs.LEGAL.txt` beside
  // the bundle: they ship in the asset, and the file each cold start reads
  // and parses carries code only.
  esbuildArgs: { '--legal-comments': 'external' },
} as const satisfies BundlingOptions;

/**
 * The documents embed Noto Sans, which shared/adapters/pdf.ts finds with
 * `createRequire(import.meta.url).resolve('#document-fonts/…')`, a package
 * `imports` lookup esbuild cannot see (and font files are not code). Bundled,
 * that lookup resolves against the asset's own package.json, so the asset gets
 * the two font files it uses and one mapping to them. Only the function that
 * renders PDFs needs it.
 */
export const documentFontsHook = (projectRoot: string): NonNullable<BundlingOptions['commandHooks']> => ({
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (_inputDir: string, outputDir: string) => [
    ...Object.values(DOCUMENT_FONTS).map((file) => {
      const target = path.join(outputDir, 'document-fonts', file);
      return `mkdir -p "${path.dirname(target)}" && cp "${path.join(projectRoot, 'node_modules', '@expo-google-fonts', 'noto-sans', file)}" "${target}"`;
    }),
    `printf '%s' '${JSON.stringify({ imports: { '#document-fonts/*': './document-fonts/*' } })}' > "${outputDir}/package.json"`,
  ],
});

/**
 * Modules a function's bundle replaces with a stub because no request reaches
 * them: for documents, brotli, which fontkit only calls to open a WOFF2 font;
 * the PDFs embed TrueType files (the PDF tests render through the bundle's
 * code path, test/unit/documents-bundle.test.ts). An esbuild alias, so the
 * CDK (which takes no esbuild plugins) and the bench bundle the same way.
 */
export const stubbedModules = (projectRoot: string, fn: string): Record<string, string> =>
  fn === 'documents' ? { 'brotli/decompress.js': path.join(projectRoot, 'infra', 'stubs', 'brotli.ts') } : {};

/** The NodejsFunction `bundling` of one function: BUNDLING, with its stubs and the documents' fonts hook. */
export const bundlingOf = (projectRoot: string, fn: string): BundlingOptions => {
  const aliases = Object.entries(stubbedModules(projectRoot, fn));
  return {
    ...BUNDLING,
    esbuildArgs: { ...BUNDLING.esbuildArgs, ...Object.fromEntries(aliases.map(([name, stub]) => [`--alias:${name}`, stub])) },
    ...(fn === 'documents' ? { commandHooks: documentFontsHook(projectRoot) } : {}),
  };
};

/** The same settings as esbuild's API options, for building bundles outside CDK. */
export const esbuildOptions = (entry: string, outfile: string, alias: Record<string, string> = {}): BuildOptions => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: BUNDLING.target,
  minify: BUNDLING.minify,
  sourcemap: BUNDLING.sourceMap,
  sourcesContent: BUNDLING.sourcesContent,
  mainFields: [...BUNDLING.mainFields],
  external: [...BUNDLING.externalModules],
  banner: { js: BUNDLING.banner },
  legalComments: 'external',
  alias,
});
