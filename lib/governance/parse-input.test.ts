import { parseEther } from "viem";
import { describe, expect, it } from "vitest";
import {
  parseAddress,
  parseDuration,
  parseEthAmount,
  parseInteger,
  parseParameterValue,
  parsePlmAmount,
  parseTokenAmount,
  parseUtcTime,
} from "./parse-input";

const alice = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const DAY = 86_400n;
const PLM = 10n ** 18n;

describe("parseAddress", () => {
  it("accepts lowercase and checksummed addresses and returns them checksummed", () => {
    expect(parseAddress(alice.toLowerCase())).toEqual({ ok: true, value: alice });
    expect(parseAddress(` ${alice} `)).toEqual({ ok: true, value: alice });
  });

  it("refuses a wrong checksum, a short address and nothing", () => {
    const wrongCase = alice.replace("C51812dc", "c51812dc");
    expect(parseAddress(wrongCase)).toMatchObject({ ok: false, error: expect.stringMatching(/wrong checksum/) });
    expect(parseAddress("0x1234")).toMatchObject({ ok: false, error: expect.stringMatching(/not an address/) });
    expect(parseAddress("")).toMatchObject({ ok: false, error: expect.stringMatching(/Enter an address/) });
  });
});

describe("parseInteger", () => {
  it("reads decimal, underscores, hex, negative and exponent forms exactly", () => {
    expect(parseInteger("123456789012345678901234567890")).toEqual({
      ok: true,
      value: 123456789012345678901234567890n,
    });
    expect(parseInteger("1_000_000")).toEqual({ ok: true, value: 1_000_000n });
    expect(parseInteger("0xff")).toEqual({ ok: true, value: 255n });
    expect(parseInteger("-42", { signed: true })).toEqual({ ok: true, value: -42n });
    expect(parseInteger("1e18")).toEqual({ ok: true, value: 10n ** 18n });
    expect(parseInteger("2.5e18")).toEqual({ ok: true, value: 25n * 10n ** 17n });
    expect(parseInteger("1.50e1")).toEqual({ ok: true, value: 15n });
  });

  it("reads thousands separated by commas", () => {
    expect(parseInteger("1,000")).toEqual({ ok: true, value: 1_000n });
    expect(parseInteger(" 7 ")).toEqual({ ok: true, value: 7n });
    expect(parseInteger("1,25")).toEqual({ ok: false, error: '"1,25" is not a whole number' });
  });

  it("refuses negative numbers unless signed", () => {
    expect(parseInteger("-42")).toEqual({ ok: false, error: "The number cannot be negative" });
    expect(parseInteger("-0x10", { signed: true })).toEqual({ ok: true, value: -16n });
  });

  it("refuses fractions, words and nothing", () => {
    expect(parseInteger("1.5")).toEqual({ ok: false, error: '"1.5" is not a whole number' });
    expect(parseInteger("2.55e1")).toEqual({ ok: false, error: '"2.55e1" is not a whole number' });
    expect(parseInteger("ten")).toEqual({ ok: false, error: '"ten" is not a whole number' });
    expect(parseInteger(" ")).toEqual({ ok: false, error: "Enter a whole number" });
  });
});

describe("amounts, durations, times and parameter values", () => {
  it("parses PLM and ETH amounts exactly", () => {
    expect(parsePlmAmount("1,250.5")).toEqual({ ok: true, value: 1_250n * PLM + PLM / 2n });
    expect(parsePlmAmount("0.000000000000000001")).toEqual({ ok: true, value: 1n });
    expect(parsePlmAmount("123456789012345678901234567890")).toEqual({
      ok: true,
      value: 123456789012345678901234567890n * PLM,
    });
    expect(parsePlmAmount("  42 PLM ")).toEqual({ ok: true, value: 42n * PLM });
    expect(parseEthAmount("1.5")).toEqual({ ok: true, value: parseEther("1.5") });
    expect(parseTokenAmount("1.25", "USDC", 6)).toEqual({ ok: true, value: 1_250_000n });
  });

  it("explains bad amounts", () => {
    expect(parsePlmAmount("")).toEqual({ ok: false, error: "Enter an amount of PLM" });
    expect(parsePlmAmount("-1")).toEqual({ ok: false, error: "The amount cannot be negative" });
    expect(parsePlmAmount("1.0000000000000000001")).toEqual({ ok: false, error: "PLM has at most 18 decimals" });
    expect(parsePlmAmount("1e18")).toEqual({ ok: false, error: '"1e18" is not an amount (e.g. 1250.5)' });
    expect(parsePlmAmount("1,25")).toMatchObject({ ok: false });
    expect(parseTokenAmount("1.2345678", "USDC", 6)).toEqual({ ok: false, error: "USDC has at most 6 decimals" });
  });

  it("parses durations to seconds", () => {
    expect(parseDuration("2")).toEqual({ ok: true, value: 2n * DAY });
    expect(parseDuration("90", "minutes")).toEqual({ ok: true, value: 5_400n });
    expect(parseDuration("2 days")).toEqual({ ok: true, value: 2n * DAY });
    expect(parseDuration("1d 12h")).toEqual({ ok: true, value: DAY + 12n * 3_600n });
    expect(parseDuration("1.5 days")).toEqual({ ok: true, value: 129_600n });
    expect(parseDuration("1 week, 2 days")).toEqual({ ok: true, value: 9n * DAY });
    expect(parseDuration("30s")).toEqual({ ok: true, value: 30n });
  });

  it("explains bad durations", () => {
    expect(parseDuration("")).toMatchObject({ ok: false, error: expect.stringMatching(/^Enter a duration/) });
    expect(parseDuration("-1")).toEqual({ ok: false, error: "A duration cannot be negative" });
    expect(parseDuration("2 fortnights")).toMatchObject({ ok: false, error: expect.stringMatching(/^Unknown unit/) });
    expect(parseDuration("soon")).toMatchObject({ ok: false, error: expect.stringMatching(/is not a duration/) });
    expect(parseDuration("0.5", "seconds")).toEqual({
      ok: false,
      error: "The duration must be a whole number of seconds",
    });
  });

  it("parses UTC dates and timestamps", () => {
    expect(parseUtcTime("2026-01-01")).toEqual({ ok: true, value: 1_767_225_600n });
    expect(parseUtcTime("2026-01-01 12:30 UTC")).toEqual({ ok: true, value: 1_767_225_600n + 45_000n });
    expect(parseUtcTime("2026-01-01T12:30:15Z")).toEqual({ ok: true, value: 1_767_225_600n + 45_015n });
    expect(parseUtcTime("1767225600")).toEqual({ ok: true, value: 1_767_225_600n });
    expect(parseUtcTime("2026-02-30")).toEqual({ ok: false, error: '"2026-02-30" is not a valid date' });
    expect(parseUtcTime("1767225600000")).toMatchObject({ ok: false, error: expect.stringMatching(/milliseconds/) });
    expect(parseUtcTime("next week")).toMatchObject({ ok: false, error: expect.stringMatching(/is not a date/) });
  });

  it("parses a parameter value in its unit, the inverse of its display", () => {
    expect(parseParameterValue("12.5%", "bps")).toEqual({ ok: true, value: 1_250n });
    expect(parseParameterValue("80", "bps")).toEqual({ ok: true, value: 8_000n });
    expect(parseParameterValue("12.345", "bps")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/basis points/),
    });
    expect(parseParameterValue("0.25", "PLM per 1k tokens")).toEqual({ ok: true, value: parseEther("0.25") });
    expect(parseParameterValue("800", "ms")).toEqual({ ok: true, value: 800n });
    expect(parseParameterValue("8.5", "ms")).toMatchObject({ ok: false });
  });
});
