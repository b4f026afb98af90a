// Codes as people name them: a payment method ("Cash on delivery", not "Cod"),
// a file type ("JPEG", not "image/jpeg"). No DOM here: unit tests import it.

/** `partially_approved` → `Partially approved`: statuses and codes in plain words. */
export const words = (code: string): string => {
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** Codes whose plain words are not just the code spelled out (`cod` is no word). */
const NAMES: Readonly<Record<string, string>> = { cod: 'Cash on delivery' };

/** A payment method or gateway as a person says it: "Cash on delivery", "Card". */
export const paymentMethodWords = (code: string): string => NAMES[code] ?? words(code);

const FILE_TYPES: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'image/gif': 'GIF',
  'application/pdf': 'PDF',
};

/** `image/jpeg` → `JPEG`: file types as people know them, not as MIME types. */
export const fileType = (contentType: string): string => FILE_TYPES[contentType] ?? (contentType.split('/').pop() ?? contentType).toUpperCase();

/** The accepted types in words: "JPEG, PNG, WebP, HEIC or PDF" (`or` in the reader's language). */
export const fileTypes = (contentTypes: readonly string[], or = 'or'): string => {
  const names = [...new Set(contentTypes.map(fileType))];
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${or} ${names.at(-1)}`;
};
