// A table wider than a phone scrolls sideways inside its own box. The box is a
// named region (a <section> with a name) that takes focus (tabindex=0), so a
// keyboard user can scroll it with the arrow keys (axe: scrollable-region-focusable).
import type { ComponentChildren } from 'preact';

export const TableScroll = ({ label, children }: { label: string; children: ComponentChildren }) => (
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard to be scrolled by it.
  <section class="table-scroll" aria-label={label} tabIndex={0}>
    {children}
  </section>
);
