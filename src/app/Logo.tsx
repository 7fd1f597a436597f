/** The CacheScope mark: a lens over stacked cache lines. Decorative; the name is next to it. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect className="logo-back" x="1" y="1" width="30" height="30" rx="8" />
      <path className="logo-lines" d="M8 10h11M8 15h8M8 20h6" />
      <circle className="logo-lens" cx="20" cy="18" r="5.5" />
      <path className="logo-lines" d="M24 22l4 4" />
    </svg>
  );
}
