// ESLint for the screens: typescript-eslint (with type information), the rules of hooks, and
// the folder boundaries (bulletproof-react's, written with eslint-plugin-boundaries):
//
//   app         may use features, components, lib and types (it composes the pages)
//   features/X  may use itself, components, lib and types, never another feature
//   components  may use components, lib and types
//   lib         may use lib and types
//   types       uses nothing
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
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
              allow: { to: { element: { types: { anyOf: ["lib", "types"] } } } },
            },
          ],
        },
      ],
    },
  },
]);
