"use client";

import { useState } from "react";
import { Section } from "@/components/section";
import { SignedMessageStatusLine } from "@/components/signed-message-status";
import { config } from "@/lib/config";
import { contracts } from "@/lib/contracts";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useSignedMessage } from "@/lib/hooks/use-signed-message";
import { daoEventTypes, type DaoEventType } from "@/lib/indexer/types";
import { registerWebhook } from "@/lib/notifications/client";
import { daoEventDescriptions, webhookTypedData } from "@/lib/notifications/webhook-message";
import { pollDomain } from "@/lib/polls/typed-data";

const inputClass = "mt-1 w-full rounded-md border border-slate-300 p-2 text-sm";

/**
 * Register a webhook: a URL and the events wanted, signed by the connected wallet (no gas). The secret the server
 * answers is shown once: deliveries are signed with it, and it opens the delivery log.
 */
export function WebhookForm() {
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<DaoEventType[]>(["proposal.created", "proposal.ending_soon"]);
  const [registered, setRegistered] = useState<{ id: string; secret: string }>();
  const signed = useSignedMessage();
  const now = useChainNow();

  const disabledReason = !signed.account
    ? "Connect a wallet to register: the webhook is yours by its signature."
    : !/^https?:\/\/\S+$/.test(url)
      ? "Enter the http(s) URL that receives the events."
      : events.length === 0
        ? "Choose at least one event."
        : now === undefined
          ? "Reading the chain's time…"
          : undefined;

  const submit = async () => {
    if (now === undefined) return;
    // In the order of the list: the signed string is the one the server checks.
    const chosen = daoEventTypes.filter((type) => events.includes(type));
    const answer = await signed.sign(
      (owner) =>
        webhookTypedData(pollDomain(config.chainId, contracts.governor.address), {
          owner,
          url,
          events: chosen,
          issuedAt: now,
        }),
      (signature, owner) => registerWebhook({ url, events: chosen, owner, issuedAt: now.toString(), signature }),
    );
    if (answer) setRegistered(answer);
  };

  return (
    <Section title="Webhooks" testId="webhook-form">
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="text-sm text-slate-600">
          Each event is a JSON POST to your URL, signed in the <code>Plenum-Signature</code> header with HMAC-SHA256
          under the webhook&apos;s secret; failed deliveries are retried for a day. Only public addresses receive
          webhooks.
        </p>
        <label className="block text-sm">
          <span className="font-medium">URL</span>
          <input
            type="url"
            value={url}
            onChange={(event) => setUrl(event.target.value.trim())}
            placeholder="https://bot.example/plenum"
            className={inputClass}
            data-testid="webhook-url"
          />
        </label>
        <fieldset className="grid gap-1 sm:grid-cols-2">
          <legend className="mb-1 text-sm font-medium">Events</legend>
          {daoEventTypes.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-1"
                checked={events.includes(type)}
                onChange={(event) =>
                  setEvents(event.target.checked ? [...events, type] : events.filter((chosen) => chosen !== type))
                }
                data-testid={`webhook-event-${type}`}
              />
              <span>
                {daoEventDescriptions[type]} <code className="text-xs text-slate-600">{type}</code>
              </span>
            </label>
          ))}
        </fieldset>
        <button
          type="submit"
          disabled={disabledReason !== undefined || signed.busy}
          className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-700 disabled:opacity-50"
          data-testid="webhook-register"
        >
          Sign and register (no gas)
        </button>
        {disabledReason && <p className="text-sm text-slate-600">{disabledReason}</p>}
        <SignedMessageStatusLine status={signed.status} doneText="The webhook is registered." />
        {registered && (
          <div className="space-y-1 rounded-md bg-amber-50 p-3 text-sm" data-testid="webhook-registered">
            <p className="font-medium">Keep the secret now: it is shown only once.</p>
            <p>
              Id: <code data-testid="webhook-id">{registered.id}</code>
            </p>
            <p className="break-all">
              Secret: <code data-testid="webhook-secret">{registered.secret}</code>
            </p>
          </div>
        )}
      </form>
    </Section>
  );
}
