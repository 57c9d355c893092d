// The scenario's text in a text pane, and its problems as the CLI prints them; clicking one puts
// the cursor on it.

import { useRef } from "preact/hooks";
import type { Problem } from "./messages.js";

/** Props of Editor. */
export interface EditorProps {
  /** The scenario's text. */
  readonly text: string;
  /** Its problems (empty when it checks). */
  readonly problems: readonly Problem[];
  /** Called with the new text on every edit. */
  readonly onEdit: (text: string) => void;
}

/** The text pane and the list of problems. */
export function Editor({ text, problems, onEdit }: EditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const show = (p: Problem) => {
    const el = area.current;
    if (el === null) return;
    el.focus();
    el.setSelectionRange(p.offset, Math.min(text.length, p.offset + 1));
    const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 16;
    el.scrollTop = Math.max(0, (p.line - 3) * lineHeight);
  };
  return (
    <div class="editor">
      <textarea
        ref={area}
        data-testid="editor"
        spellcheck={false}
        wrap="off"
        aria-label="scenario text"
        value={text}
        onInput={(e) => onEdit(e.currentTarget.value)}
      />
      {problems.length > 0 && (
        <ul class="problems" data-testid="problems">
          {problems.map((p) => (
            <li key={`${p.offset}-${p.text}`}>
              <button type="button" onClick={() => show(p)}>
                <pre>{p.text}</pre>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
