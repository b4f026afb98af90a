// Stands in for brotli's decoder in the documents bundle (infra/bundling.ts).
// fontkit needs it only to open WOFF2 files; the documents embed TrueType
// files (shared/adapters/pdf.ts), so it is never reached, and leaving it out
// keeps ~500 KB of decoder tables out of the bundle. Opening a WOFF2 fails loudly here.
const decompress = (): never => {
  throw new Error('brotli is not bundled: the documents embed TrueType fonts only (infra/stubs/brotli.ts).');
};
export default decompress;
