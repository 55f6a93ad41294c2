import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { darkPalette, darkPaletteFile, tailwindThemeFile } from "./dark-palette";

test("app/dark-palette.css is what scripts/dark-palette.ts makes from the installed Tailwind", () => {
  expect(readFileSync(darkPaletteFile, "utf8")).toBe(darkPalette(readFileSync(tailwindThemeFile, "utf8")));
});

test("dark mode reverses each scale: slate-50 takes slate-950's colour and slate-950 slate-50's", () => {
  const theme = readFileSync(tailwindThemeFile, "utf8");
  const light = (name: string) => theme.match(new RegExp(`--color-${name}: ([^;]+);`))![1];
  const css = darkPalette(theme);
  expect(css).toContain(`--color-slate-50: ${light("slate-950")};`);
  expect(css).toContain(`--color-slate-950: ${light("slate-50")};`);
  expect(css).toContain(`--color-amber-500: ${light("amber-500")};`);
});
