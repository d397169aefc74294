/** Problems or details, one per line, each in its own direction (FILE:LINE: message lines mix scripts). */
export function ProblemList({ lines }: { readonly lines: readonly string[] }) {
  return (
    <ul className="details">
      {lines.map((d) => (
        <li key={d} dir="auto">
          {d}
        </li>
      ))}
    </ul>
  );
}
