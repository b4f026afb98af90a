// What the PDF standard fonts can print. Helvetica in a PDF speaks WinAnsi
// (Windows-1252): Latin-1 plus a few typographic signs. Anything else would
// print as a wrong glyph, so it is transliterated (ő → o) or replaced by "?".

const CP1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

const isWinAnsi = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.includes(char);
};

/** `text` as the standard fonts can print it; line breaks and tabs become spaces. */
export const printable = (text: string): string =>
  Array.from(text.replace(/[\t\r\n]+/g, ' '), (char) => {
    if (isWinAnsi(char)) return char;
    const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    return base !== '' && Array.from(base).every(isWinAnsi) ? base : '?';
  }).join('');

/**
 * A formatted amount that the fonts can print: `₹1,234.50` (no ₹ in WinAnsi)
 * becomes `INR 1,234.50`; `$`, `€`, `£`, `¥` and ISO-code forms stay as they are.
 */
export const printableAmount = (formatted: string, currency: string): string => {
  if (Array.from(formatted).every(isWinAnsi)) return formatted;
  const bare = Array.from(formatted)
    .filter(isWinAnsi)
    .join('')
    .replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  return `${currency} ${bare}`;
};
