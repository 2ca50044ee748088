/** First tab stop: lets keyboard users jump past the navigation. */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(e) => {
        // No URL routing: move focus instead of changing the location hash.
        e.preventDefault()
        document.getElementById('main')?.focus()
      }}
    >
      Skip to content
    </a>
  )
}
