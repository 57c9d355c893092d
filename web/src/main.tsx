// Entry point of the web app of `perpetuum serve`.
import { render } from "preact";
import { App } from "./App.js";

const root = document.getElementById("app");
if (root !== null) render(<App />, root);
