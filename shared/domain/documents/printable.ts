// What the documents' embedded font (Noto Sans, shared/adapters/pdf.ts) can
// print: Latin with every extension European names use (Łukasz, Řehoř, Nguyễn),
// Greek, Cyrillic, punctuation and currency signs. Anything else (Han, Arabic…)
// would print as an empty box, so it is transliterated when a base letter
// exists (NFKD) or replaced by "?". test/unit/documents-font.test.ts checks
// every character let through against the font itself.

/** Blocks the font covers whole (Coptic, inside the Greek block, is left out). */
const COVERED: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0x24f], // Latin-1 Supplement, Latin Extended-A and -B
  [0x370, 0x3e1], // Greek
  [0x3f0, 0x3ff], // Greek (letter forms after the Coptic letters)
  [0x400, 0x4ff], // Cyrillic
  [0x1e00, 0x1eff], // Latin Extended Additional
  [0x2000, 0x2064], // General Punctuation (the narrow no-break space Intl writes in French amounts)
  [0x20a0, 0x20c0], // Currency Symbols
];

export const isPrintable = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return COVERED.some(([from, to]) => code >= from && code <= to);
};

/** `text` as the font can print it, composed (NFC); line breaks and tabs become spaces. */
export const printable = (text: string): string =>
  Array.from(text.normalize('NFC').replace(/[\t\r\n]+/g, ' '), (char) => {
    if (isPrintable(char)) return char;
    const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    return base !== '' && Array.from(base).every(isPrintable) ? base : '?';
  }).join('');
