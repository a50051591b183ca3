// A lesson's text as plain data (no markup): the hook, the key ideas, what to notice in the
// running simulation, the model's assumptions and a mermaid diagram. Pure, so lesson models
// can define it; the page renders it as text.

export interface LessonSection {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export interface LessonContent {
  readonly hook: string;
  readonly sections: readonly LessonSection[];
  /** Things to look for in the running simulation. */
  readonly notice: readonly string[];
  /** The model's simplifications, in words a teacher can check. */
  readonly assumptions: readonly string[];
  /** A mermaid `flowchart` of the simulated system. */
  readonly diagram: string;
}
