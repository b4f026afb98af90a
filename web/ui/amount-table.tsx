// Amounts line by line with their sum at the foot: a refund, a return's breakdown, an order's totals.

export function AmountTable({ caption, rows, total }: { caption?: string; rows: readonly (readonly [string, string])[]; total?: readonly [string, string] }) {
  return (
    <table>
      {caption ? <caption>{caption}</caption> : null}
      <tbody>
        {rows.map(([label, value], i) => (
          <tr key={`${label}-${i}`}>
            <th scope="row">{label}</th>
            <td class="amount">{value}</td>
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <tr>
            <th scope="row">{total[0]}</th>
            <td class="amount">
              <strong>{total[1]}</strong>
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
