// The font the documents embed: Noto Sans (OFL), Regular and Bold, from the
// @expo-google-fonts/noto-sans package, found through the `#document-fonts/*`
// import of package.json. infra/bundling.ts ships the same two files beside the
// bundled Lambda with the same mapping (documentFontsHook).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Each weight's file, as the package names it. */
export const DOCUMENT_FONTS = { regular: '400Regular/NotoSans_400Regular.ttf', bold: '700Bold/NotoSans_700Bold.ttf' } as const;

type Fonts = Record<keyof typeof DOCUMENT_FONTS, Buffer>;
let fonts: Fonts | undefined;

/** The font files, read once per process on the first document (a cold start that prints nothing reads nothing). */
export const documentFonts = (): Fonts => {
  if (!fonts) {
    const { resolve } = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(resolve(`#document-fonts/${file}`));
    fonts = { regular: read(DOCUMENT_FONTS.regular), bold: read(DOCUMENT_FONTS.bold) };
  }
  return fonts;
};
