// The settings form's lists, each edited as one line of text.

/** A list edited as one line of text: "a, b, c". */
export const listText = (items: readonly string[]): string => items.join(', ');
export const textList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
