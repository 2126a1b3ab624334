// Builds the front-end assets into var/frontend/ (served as static files):
// casework.css from GOV.UK Frontend's Sass without the GOV.UK typeface, GOV.UK Frontend's
// JavaScript (optional: every page works without it), and axe-core for the browser tests.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../../..");
const modules = join(root, "node_modules");
const out = join(root, "var", "frontend");

mkdirSync(join(out, "govuk"), { recursive: true });
const css = sass.compile(join(here, "casework.scss"), {
  loadPaths: [modules],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "casework.css"), css.css);
copyFileSync(
  join(modules, "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js"),
  join(out, "govuk", "govuk-frontend.min.js"),
);
copyFileSync(join(modules, "axe-core", "axe.min.js"), join(out, "axe.min.js"));
console.log(`front-end assets written to ${out}`);
