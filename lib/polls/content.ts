// What a poll's message must hold, checked by the server before it stores a poll and by verify:poll before it
// counts one, so a file cannot verify a poll the server would have refused.
import { pollLimits, type PollRefusalName } from "./api";
import { basicOptions, type Poll } from "./typed-data";

export type PollContentProblem = { refusal: PollRefusalName; message: string };

/** Control and bidirectional formatting characters: a title or an option holding one can read as another text. */
const hiddenCharacters = /[\p{Cc}\p{Bidi_Control}]/u;

/** An option as a reader tells it apart: compatibility forms folded, invisible characters dropped, case ignored. */
const optionKey = (option: string) =>
  option
    .normalize("NFKC")
    .replace(/\p{Default_Ignorable_Code_Point}/gu, "")
    .trim()
    .toLowerCase();

function tooLong(field: string, text: string, limit: number): PollContentProblem | undefined {
  if (text.length <= limit) return undefined;
  return {
    refusal: "TextTooLong",
    message: `The ${field} has ${text.length.toLocaleString("en-US")} characters; at most ${limit.toLocaleString("en-US")} are stored.`,
  };
}

/** The first rule `poll` breaks, or undefined. */
export function pollContentProblem(poll: Poll): PollContentProblem | undefined {
  const length =
    tooLong("title", poll.title, pollLimits.title) ??
    tooLong("body", poll.body, pollLimits.body) ??
    tooLong("discussion link", poll.discussion, pollLimits.discussion) ??
    poll.options.map((option) => tooLong("option", option, pollLimits.option)).find(Boolean);
  if (length) return length;
  if (!poll.title.trim()) return { refusal: "InvalidRequest", message: "The poll needs a title." };
  if (hiddenCharacters.test(poll.title)) {
    return { refusal: "InvalidRequest", message: "The title holds a control or bidirectional formatting character." };
  }
  if (poll.body.includes("\u0000")) return { refusal: "InvalidRequest", message: "The body holds a NUL character." };
  if (poll.discussion && !/^https?:\/\/[^\s\u0000]+$/.test(poll.discussion)) {
    return { refusal: "InvalidRequest", message: "The discussion link must be an http(s) URL." };
  }
  if (poll.kind === "basic") {
    if (poll.options.length !== basicOptions.length || poll.options.some((option, i) => option !== basicOptions[i])) {
      return {
        refusal: "InvalidOptions",
        message: `A basic poll's options are ${basicOptions.join(", ")}, in that order.`,
      };
    }
  } else {
    const labels = poll.options.map(optionKey);
    if (
      poll.options.length < 2 ||
      labels.some((label) => !label) ||
      new Set(labels).size !== labels.length ||
      poll.options.some((option) => hiddenCharacters.test(option))
    ) {
      return {
        refusal: "InvalidOptions",
        message: `A ${poll.kind === "single" ? "single-choice" : "approval"} poll needs 2 to ${pollLimits.options} distinct, non-empty options, without control or bidirectional formatting characters.`,
      };
    }
  }
  const action = poll.actions.findIndex((action) => (action.calldata.length - 2) / 2 > pollLimits.calldataBytes);
  if (action >= 0) {
    return {
      refusal: "TextTooLong",
      message: `Action ${action + 1}'s calldata is over ${pollLimits.calldataBytes.toLocaleString("en-US")} bytes.`,
    };
  }
  return undefined;
}
