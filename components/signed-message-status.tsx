import type { SignedMessageStatus } from "@/lib/hooks/use-signed-message";

/** A signed message's progress and outcome: both live regions are in the page before their text changes. */
export function SignedMessageStatusLine({ status, doneText }: { status: SignedMessageStatus; doneText: string }) {
  const progress =
    status.step === "signing"
      ? "Sign the message in your wallet: it costs no gas and sends nothing on chain…"
      : status.step === "sending"
        ? "Checking your signature and voting power…"
        : status.step === "done"
          ? doneText
          : "";
  return (
    <>
      <p role="status" className="text-sm text-slate-700" data-testid="signed-status">
        {progress}
      </p>
      <p role="alert" className="text-sm font-medium text-red-800" data-testid="signed-error">
        {status.step === "failed" ? status.message : ""}
      </p>
    </>
  );
}
