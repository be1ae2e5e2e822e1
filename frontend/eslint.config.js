// ESLint for the screens: typescript-eslint (with type information), the rules of hooks, and
// the folder boundaries (bulletproof-react's, written with eslint-plugin-boundaries):
//
//   app         may use features, components, lib and types (it composes the pages)
//   features/X  may use itself, components, lib and types, never another feature
//   components  may use components, lib and types
//   lib         may use lib and types
//   types       uses nothing
//   locales     the catalogs (JSON), read by lib/i18n only
//
// And no text for the coach written into the markup: every JSX text and every attribute a
// person reads (aria-label, title, placeholder, a component's label...) goes through `t`.
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import i18next from "eslint-plugin-i18next";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["node_modules/", "dist/"]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  reactHooks.configs.flat["recommended-latest"],
  {
    rules: {
      // A missing dependency is a stale value on screen: an error, not a warning.
      "react-hooks/exhaustive-deps": "error",
      // Two of the React Compiler's rules, off because we don't compile with it and they
      // flag correct code: `refs` reports every field of a hook's result once one field is a
      // ref (`form.saving` beside `form.formRef`), and `set-state-in-effect` reports loads
      // whose setState runs after an await.
      "react-hooks/refs": "off",
      "react-hooks/set-state-in-effect": "off",
    },
  },
  {
    languageOptions: {
      globals: globals.browser,
      parserOptions: {
        project: ["./tsconfig.json", "./tsconfig.node.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    files: ["*.js"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // Every folder of src/ but main.tsx, the entry point, which only mounts the app.
    files: ["src/*/**/*.{ts,tsx}"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": [
        { type: "app", pattern: "src/app" },
        { type: "feature", pattern: "src/features/*", capture: ["feature"] },
        { type: "components", pattern: "src/components" },
        { type: "lib", pattern: "src/lib" },
        { type: "types", pattern: "src/types" },
        { type: "locales", pattern: "src/locales" },
      ],
      "import/resolver": { node: { extensions: [".ts", ".tsx"] } },
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: [
            {
              from: { element: { type: "app" } },
              allow: { to: { element: { types: { anyOf: ["app", "feature", "components", "lib", "types"] } } } },
            },
            {
              from: { element: { type: "feature" } },
              allow: [
                { to: { element: { type: "feature", captured: { feature: "{{ from.element.captured.feature }}" } } } },
                { to: { element: { types: { anyOf: ["components", "lib", "types"] } } } },
              ],
            },
            {
              from: { element: { type: "components" } },
              allow: { to: { element: { types: { anyOf: ["components", "lib", "types"] } } } },
            },
            {
              from: { element: { type: "lib" } },
              allow: { to: { element: { types: { anyOf: ["lib", "types", "locales"] } } } },
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/**/*.tsx"],
    plugins: { i18next },
    rules: {
      // What the plugin doesn't look at: words in a template literal, as a child or in an
      // attribute a person reads (`aria-label={`${n} athletes`}`).
      "no-restricted-syntax": [
        "error",
        {
          selector:
            ":matches(JSXElement, JSXFragment) > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2}/]",
          message: "Words for the coach go through t(), not a template literal.",
        },
        {
          selector:
            "JSXAttribute[name.name!=/^(className|\\w+ClassName|style|id|key|href|src|data-.*|aria-(controls|describedby|labelledby))$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2}/]",
          message: "Words for the coach go through t(), not a template literal.",
        },
      ],
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": {
            // Attributes that hold names for the code, never words for a person.
            exclude: [
              "className",
              "\\w+ClassName",
              "style",
              "type",
              "key",
              "id",
              "name",
              "htmlFor",
              "role",
              "lang",
              "dir",
              "width",
              "height",
              "viewBox",
              "d",
              "fill",
              "stroke",
              "strokeWidth",
              "xmlns",
              "autoComplete",
              "inputMode",
              "enterKeyHint",
              "aria-live",
              "aria-hidden",
              "aria-haspopup",
              "aria-controls",
              "aria-describedby",
              "aria-labelledby",
              "aria-sort",
              "aria-current",
              "aria-orientation",
              "data-.*",
              "tone",
              "variant",
              "size",
              "side",
              "align",
              "orientation",
              "mode",
              "icon",
              "to",
              "page",
              "event",
              "field",
              "kind",
              "as",
              "position",
              "sort",
              "column",
              "value",
              "defaultValue",
              "min",
              "max",
              "step",
              "pattern",
              "accept",
              "target",
              "rel",
              "href",
              "src",
              "focus",
              "scope",
              "wrap",
            ],
          },
        },
      ],
    },
  },
]);
