// Reads a PDF's text back, the way a person reads the page: one string per
// printed line (text runs on the same baseline joined left to right).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface Run {
  readonly str: string;
  readonly transform: readonly number[];
}

export interface PdfText {
  readonly pages: number;
  /** Printed lines of every page, top to bottom; spaces normalised. */
  readonly lines: readonly string[];
  /** All lines joined by newlines. */
  readonly text: string;
  /** The PDF's metadata title. */
  readonly title: string | undefined;
}

export const pdfText = async (bytes: Uint8Array): Promise<PdfText> => {
  // pdfjs takes ownership of (detaches) the buffer it is given: pass a copy.
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const byBaseline = new Map<number, Run[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round((item.transform[5] ?? 0) * 2) / 2;
      const key = [...byBaseline.keys()].find((k) => Math.abs(k - y) <= 1.5) ?? y;
      byBaseline.set(key, [...(byBaseline.get(key) ?? []), item]);
    }
    const ordered = [...byBaseline.entries()].sort(([a], [b]) => b - a);
    for (const [, runs] of ordered) {
      const line = runs
        .sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0))
        .map((r) => r.str)
        .join(' ')
        .replace(/[\s\u00a0]+/g, ' ')
        .trim();
      lines.push(line);
    }
  }
  const info = (await doc.getMetadata()).info as { Title?: string } | undefined;
  await doc.destroy();
  return { pages: doc.numPages, lines, text: lines.join('\n'), title: info?.Title };
};
