// A collapsible list of what a lesson's model assumes, in words a teacher can check.

/** Props of {@link AssumptionsPanel}. */
export interface AssumptionsPanelProps {
  /** One plain-text assumption per item. */
  readonly assumptions: readonly string[];
  readonly title?: string | undefined;
  /** Start expanded. */
  readonly open?: boolean | undefined;
}

/** `<details>` panel listing the model's assumptions. */
export function AssumptionsPanel({
  assumptions,
  title = 'What this model assumes',
  open = false,
}: AssumptionsPanelProps) {
  return (
    <details className="assumptions" open={open}>
      <summary>{title}</summary>
      <ul>
        {assumptions.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </details>
  );
}
