// Small controls of the settings and reasons forms.

/** A labelled checkbox. */
export const Check = ({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) => (
  <label>
    <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
    {label}
  </label>
);

/** A list edited as one line of text: "a, b, c". */
export const listText = (items: readonly string[]): string => items.join(', ');
export const textList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
