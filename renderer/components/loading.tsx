/** A polite, announced loading line; screen readers hear it once, sighted users see it in place. */
export function Loading({ children }: { children: string }) {
  return (
    <p role="status" className="loading">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}
