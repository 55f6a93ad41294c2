import { parseEther } from "viem";
import { describe, expect, it } from "vitest";
import {
  formatBps,
  formatCountdown,
  formatDuration,
  formatParameterBounds,
  formatParameterNumber,
  formatParameterValue,
  formatTimestamp,
  formatTokens,
  parameterUnitSuffix,
  shortAddress,
} from "./format";

describe("formatTokens", () => {
  it("groups thousands and trims trailing zeros", () => {
    expect(formatTokens(parseEther("40000000"))).toBe("40,000,000");
    expect(formatTokens(parseEther("1234.5"))).toBe("1,234.5");
    expect(formatTokens(parseEther("0.25"))).toBe("0.25");
  });

  it("cuts (does not round) beyond the fraction digits, and keeps values beyond 2^53 exact", () => {
    expect(formatTokens(parseEther("1.999"), 2)).toBe("1.99");
    expect(formatTokens(parseEther("123456789012345678"))).toBe("123,456,789,012,345,678");
  });
});

describe("parameter values", () => {
  it("shows basis points as percentages", () => {
    expect(formatBps(9950n)).toBe("99.5%");
    expect(formatBps(8000n)).toBe("80%");
    expect(formatParameterValue(500n, "bps")).toBe("5%");
  });

  it("shows PLM amounts and other units with their unit", () => {
    expect(formatParameterValue(parseEther("0.25"), "PLM per 1k tokens")).toBe("0.25 PLM per 1k tokens");
    expect(formatParameterValue(800n, "ms")).toBe("800 ms");
  });
});

describe("formatDuration", () => {
  it("uses at most the two largest whole units", () => {
    expect(formatDuration(86_400)).toBe("1 day");
    expect(formatDuration(432_000n)).toBe("5 days");
    expect(formatDuration(90_061)).toBe("1 day 1 hour");
    expect(formatDuration(59)).toBe("59 seconds");
    expect(formatDuration(0)).toBe("0 seconds");
  });
});

it("shortens addresses", () => {
  expect(shortAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).toBe("0xf39F…2266");
});

describe("parameter numbers and timestamps", () => {
  it("shows a parameter's number without its unit, PLM with at least two decimals", () => {
    expect(formatParameterNumber(parseEther("0.2"), "PLM per 1k tokens")).toBe("0.20");
    expect(formatParameterNumber(parseEther("2"), "PLM per 1k tokens")).toBe("2.00");
    expect(formatParameterNumber(parseEther("0.0125"), "PLM per 1k tokens")).toBe("0.0125");
    expect(formatParameterNumber(9_970n, "bps")).toBe("99.7%");
    expect(formatParameterNumber(5_000n, "ms")).toBe("5,000");
    expect(parameterUnitSuffix("bps")).toBe("");
    expect(parameterUnitSuffix("ms")).toBe(" ms");
  });

  it("formats chain timestamps in UTC", () => {
    expect(formatTimestamp(1_767_225_600n)).toBe("2026-01-01 00:00 UTC");
    expect(formatTimestamp(1_767_225_600 + 3_661)).toBe("2026-01-01 01:01 UTC");
  });
});

it("counts down to the second from the largest non-zero unit", () => {
  expect(formatCountdown(93_784)).toBe("1d 2h 3m 4s");
  expect(formatCountdown(3_600n)).toBe("1h 0m 0s");
  expect(formatCountdown(59)).toBe("59s");
  expect(formatCountdown(0)).toBe("0s");
  expect(formatCountdown(-5)).toBe("0s");
});

describe("formatParameterBounds", () => {
  it("writes the unit once after both bounds", () => {
    expect(formatParameterBounds(parseEther("0.01"), parseEther("2"), "PLM per 1k tokens")).toBe(
      "0.01–2.00 PLM per 1k tokens",
    );
    expect(formatParameterBounds(5_000n, 9_500n, "bps")).toBe("50%–95%");
    expect(formatParameterBounds(100n, 5_000n, "ms")).toBe("100–5,000 ms");
  });
});
