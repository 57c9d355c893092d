// The shape of one section of the report, shared by the page and by the web app's views.

/** One section: its anchor id, its heading and its body (HTML without page-level CSS). */
export interface ReportSection {
  /** The `id` of its `<section>` (an anchor for the table of contents). */
  readonly id: string;
  /** Its heading. */
  readonly title: string;
  /** Its body: escaped text, tables and inline SVG charts. */
  readonly html: string;
}
