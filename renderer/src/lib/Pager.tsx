/** Previous / Next over a paged list, with "1–50 of 1,234". */
const fmt = new Intl.NumberFormat()

export function Pager(props: {
  offset: number
  total: number
  size: number
  onOffset: (o: number) => void
}) {
  const { offset, total, size, onOffset } = props
  const end = Math.min(total, offset + size)
  return (
    <div className="pager">
      <span className="muted">
        {fmt.format(offset + 1)}–{fmt.format(end)} of {fmt.format(total)}
      </span>
      <button
        type="button"
        className="btn btn-small"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - size))}
      >
        Previous
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={end >= total}
        onClick={() => onOffset(offset + size)}
      >
        Next
      </button>
    </div>
  )
}
