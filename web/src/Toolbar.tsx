// Choosing a built-in scenario, loading a file (refused above the CLI's size limit) and
// downloading the current text.

import { MAX_SCENARIO_BYTES } from "../../src/defaults.js";

/** Props of Toolbar. */
export interface ToolbarProps {
  /** The built-in scenarios' names. */
  readonly builtIns: readonly string[];
  /** The built-in shown, when the text is one unchanged. */
  readonly builtIn: string | null;
  /** The scenario's name (the download's file name). */
  readonly name: string;
  /** The text to download. */
  readonly text: string;
  /** Called with a built-in's name. */
  readonly onBuiltIn: (name: string) => void;
  /** Called with a loaded file's name and text. */
  readonly onFile: (name: string, text: string) => void;
  /** Called with why a file was refused. */
  readonly onNotice: (message: string) => void;
}

/** The toolbar. */
export function Toolbar(props: ToolbarProps) {
  const load = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = "";
    if (file === undefined) return;
    if (file.size > MAX_SCENARIO_BYTES) {
      const mb = (file.size / 1024 / 1024).toFixed(1);
      props.onNotice(
        `${file.name}: the file is ${mb} MB; scenario files are limited to ${MAX_SCENARIO_BYTES / 1024 / 1024} MB`,
      );
      return;
    }
    props.onFile(file.name, await file.text());
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([props.text], { type: "text/yaml" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = /\.ya?ml$/.test(props.name) ? props.name : `${props.name}.yaml`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div class="toolbar">
      <label>
        Built-in{" "}
        <select
          data-testid="builtin"
          value={props.builtIn ?? ""}
          onChange={(e) => e.currentTarget.value && props.onBuiltIn(e.currentTarget.value)}
        >
          <option value="">—</option>
          {props.builtIns.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label class="file">
        Load file{" "}
        <input
          type="file"
          data-testid="file"
          accept=".yaml,.yml,text/yaml"
          onChange={(e) => void load(e.currentTarget)}
        />
      </label>
      <button type="button" onClick={download}>
        Download
      </button>
    </div>
  );
}
