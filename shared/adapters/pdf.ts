// Draws an order document (shared/domain/documents) as an A4 PDF with pdfkit.
// Layout only: every string arrives formatted and printable. Embeds Noto Sans
// (Latin, Greek, Cyrillic; pdfkit subsets it to the glyphs a document uses).
import PDFDocument from 'pdfkit';
import type { OrderDocument, Table } from '#shared/domain/documents/order-document';
import { documentFonts } from './document-fonts.ts';

const PAGE = { width: 595.28, height: 841.89, margin: 50 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 30; // room for the footer
const INK = '#1a1a1a';
const MUTED = '#666666';
const RULE = '#d0d0d0';
const SHADE = '#f2f2f2';
const REGULAR = 'regular';
const BOLD = 'bold';

type Pdf = PDFKit.PDFDocument;

const text = (pdf: Pdf, value: string, x: number, y: number, options: PDFKit.Mixins.TextOptions & { font?: string; size?: number; color?: string } = {}) => {
  const { font = REGULAR, size = 9, color = INK, ...rest } = options;
  pdf
    .font(font)
    .fontSize(size)
    .fillColor(color)
    .text(value, x, y, { lineBreak: true, ...rest });
};

const heightOf = (pdf: Pdf, value: string, width: number, font: string, size: number): number => pdf.font(font).fontSize(size).heightOfString(value, { width });

/** The largest size (9 down to 6.5 pt) at which an amount fits its column on one line. */
const fitSize = (pdf: Pdf, value: string, width: number): number => {
  for (const size of [9, 8, 7.5, 7, 6.5]) {
    if (pdf.font(REGULAR).fontSize(size).widthOfString(value) <= width) return size;
  }
  return 6.5;
};

const rule = (pdf: Pdf, y: number, x: number = PAGE.margin, width: number = CONTENT_WIDTH) => {
  pdf
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
};

/** A new page when `needed` points do not fit; returns the y to draw at. */
const ensureRoom = (pdf: Pdf, y: number, needed: number): number => {
  if (y + needed <= BOTTOM) return y;
  pdf.addPage();
  return PAGE.margin;
};

const drawHeader = (pdf: Pdf, doc: OrderDocument): number => {
  const top = PAGE.margin;
  text(pdf, doc.shop.name, PAGE.margin, top, { font: BOLD, size: 18, width: 280 });
  let left = top + heightOf(pdf, doc.shop.name, 280, BOLD, 18) + 4;
  for (const line of doc.shop.addressLines) {
    text(pdf, line, PAGE.margin, left, { color: MUTED, width: 280 });
    left += heightOf(pdf, line, 280, REGULAR, 9) + 1;
  }
  const rightX = PAGE.margin + CONTENT_WIDTH - 200;
  text(pdf, doc.title.toLocaleUpperCase(doc.locale), rightX, top, { font: BOLD, size: 22, width: 200, align: 'right' });
  let right = top + 32;
  for (const [label, value] of doc.meta) {
    text(pdf, label, rightX, right, { color: MUTED, width: 90 });
    text(pdf, value, rightX + 90, right, { font: BOLD, width: 110, align: 'right' });
    right += 13;
  }
  const y = Math.max(left, right) + 12;
  rule(pdf, y);
  return y + 14;
};

const drawParties = (pdf: Pdf, doc: OrderDocument, y0: number): number => {
  const width = CONTENT_WIDTH / doc.parties.length;
  let bottom = y0;
  doc.parties.forEach((party, i) => {
    const x = PAGE.margin + i * width;
    text(pdf, party.heading.toLocaleUpperCase(doc.locale), x, y0, { font: BOLD, size: 8, color: MUTED, width: width - 10, characterSpacing: 0.5 });
    let y = y0 + 13;
    for (const line of party.lines) {
      // Long e-mail addresses shrink to stay on one line rather than break mid-word.
      const size = fitSize(pdf, line, width - 10);
      text(pdf, line, x, y, { size, width: width - 10 });
      y += heightOf(pdf, line, width - 10, REGULAR, size) + 1;
    }
    bottom = Math.max(bottom, y);
  });
  return bottom + 18;
};

const columnsOf = (table: Table): { x: number; width: number }[] => {
  const total = table.widths.reduce((a, b) => a + b, 0);
  let x = PAGE.margin;
  return table.widths.map((w) => {
    const width = (w / total) * CONTENT_WIDTH;
    const column = { x, width };
    x += width;
    return column;
  });
};

const drawTableHead = (pdf: Pdf, table: Table, y: number): number => {
  const columns = columnsOf(table);
  pdf.rect(PAGE.margin, y, CONTENT_WIDTH, 18).fill(SHADE);
  table.columns.forEach((name, i) => {
    const col = columns[i] as { x: number; width: number };
    text(pdf, name, col.x + 4, y + 5, { font: BOLD, size: 8, color: MUTED, width: col.width - 8, align: i === 0 ? 'left' : 'right' });
  });
  return y + 22;
};

const drawTable = (pdf: Pdf, table: Table, y0: number): number => {
  const columns = columnsOf(table);
  const first = columns[0] as { x: number; width: number };
  let y = ensureRoom(pdf, y0, 60);
  text(pdf, table.heading, PAGE.margin, y, { font: BOLD, size: 11 });
  y = drawTableHead(pdf, table, y + 16);
  for (const row of table.rows) {
    const titleHeight = heightOf(pdf, row.cells[0] ?? '', first.width - 8, REGULAR, 9);
    const detailHeight = row.detail ? heightOf(pdf, row.detail, first.width - 8, REGULAR, 7.5) + 1 : 0;
    // A long amount may wrap in its narrow column: the tallest cell sets the row.
    const sizes = row.cells.map((cell, i) => (i === 0 ? 9 : fitSize(pdf, cell, (columns[i]?.width ?? 0) - 8)));
    const cellHeights = row.cells.slice(1).map((cell, i) => heightOf(pdf, cell, (columns[i + 1]?.width ?? 0) - 8, REGULAR, sizes[i + 1] ?? 9));
    const height = Math.max(titleHeight + detailHeight, ...cellHeights, 11) + 8;
    if (y + height > BOTTOM) {
      pdf.addPage();
      y = drawTableHead(pdf, table, PAGE.margin);
    }
    row.cells.forEach((cell, i) => {
      const col = columns[i] as { x: number; width: number };
      text(pdf, cell, col.x + 4, y, { size: sizes[i] ?? 9, width: col.width - 8, align: i === 0 ? 'left' : 'right' });
    });
    if (row.detail) text(pdf, row.detail, first.x + 4, y + titleHeight + 1, { size: 7.5, color: MUTED, width: first.width - 8 });
    y += height;
    rule(pdf, y - 4);
  }
  return y + 10;
};

const drawSummary = (pdf: Pdf, doc: OrderDocument, y0: number): number => {
  const needed = Math.max(doc.totals.length * 15, doc.payment.length * 14 + 16) + 10;
  const y = ensureRoom(pdf, y0, needed);
  // Payment on the left, totals on the right.
  text(pdf, doc.paymentHeading.toLocaleUpperCase(doc.locale), PAGE.margin, y, { font: BOLD, size: 8, color: MUTED, characterSpacing: 0.5 });
  doc.payment.forEach(([label, value], i) => {
    text(pdf, label, PAGE.margin, y + 14 + i * 14, { color: MUTED, width: 90 });
    text(pdf, value, PAGE.margin + 90, y + 14 + i * 14, { font: BOLD, width: 130 });
  });
  const x = PAGE.margin + CONTENT_WIDTH - 250;
  let ty = y;
  for (const row of doc.totals) {
    if (row.strong) rule(pdf, ty - 3, x, 250);
    const font = row.strong ? BOLD : REGULAR;
    const size = row.strong ? 10 : 9;
    text(pdf, row.label, x, ty, { font, size, width: 140 });
    text(pdf, row.value, x + 140, ty, { font, size, width: 110, align: 'right' });
    ty += row.strong ? 17 : 15;
  }
  return Math.max(ty, y + 14 + doc.payment.length * 14) + 16;
};

/** Page numbers and the footer line, drawn once every page exists. */
const drawFooters = (pdf: Pdf, doc: OrderDocument) => {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Drawing below the bottom margin would start a new page; lift it while we write.
    const margins = pdf.page.margins;
    pdf.page.margins = { ...margins, bottom: 0 };
    const y = PAGE.height - PAGE.margin - 10;
    rule(pdf, y - 6);
    text(pdf, doc.footer, PAGE.margin, y, { size: 7.5, color: MUTED, width: CONTENT_WIDTH - 80, lineBreak: false });
    text(pdf, doc.pageLabel(i - range.start + 1, range.count), PAGE.margin + CONTENT_WIDTH - 80, y, {
      size: 7.5,
      color: MUTED,
      width: 80,
      align: 'right',
      lineBreak: false,
    });
    pdf.page.margins = margins;
  }
};

/** Renders the document; resolves with the PDF bytes. */
export const renderPdf = (doc: OrderDocument, createdAt: string): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const files = documentFonts();
    const pdf = new PDFDocument({
      size: 'A4',
      margin: PAGE.margin,
      bufferPages: true,
      // No default font: every text names one of ours (pdfkit would load Helvetica otherwise).
      font: '',
      lang: doc.locale,
      info: { Title: `${doc.title} ${doc.meta[0]?.[1] ?? ''}`.trim(), Author: doc.shop.name, CreationDate: new Date(createdAt) },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
    try {
      pdf.registerFont(REGULAR, files[REGULAR]);
      pdf.registerFont(BOLD, files[BOLD]);
      let y = drawHeader(pdf, doc);
      y = drawParties(pdf, doc, y);
      y = drawTable(pdf, doc.lines, y);
      y = drawSummary(pdf, doc, y);
      if (doc.refunds) drawTable(pdf, doc.refunds, y);
      drawFooters(pdf, doc);
      pdf.end();
    } catch (error) {
      reject(error);
    }
  });
