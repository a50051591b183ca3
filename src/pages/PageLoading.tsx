// The placeholder shown while a page's or a lesson's code is still downloading.

/** A polite, announced "loading" line; `label` names what is loading. */
export function PageLoading({ label = 'Loading…' }: { readonly label?: string }) {
  return (
    <div className="page-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
