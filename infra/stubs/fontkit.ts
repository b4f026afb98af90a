// Stands in for fontkit in the documents bundle (infra/bundling.ts). pdfkit
// calls fontkit only to embed a font file; the documents use the 14 standard
// PDF fonts, so fontkit (and the brotli decoder it carries for WOFF2 files,
// 700 KB between them) is never reached. Embedding a font fails loudly here.
export const create = (): never => {
  throw new Error('fontkit is not bundled: the documents use the standard PDF fonts only (infra/stubs/fontkit.ts).');
};
