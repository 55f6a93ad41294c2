"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ScrollBox } from "@/components/scroll-box";
import { Section } from "@/components/section";
import { ShowMore } from "@/components/show-more";
import { ApiRefusedError } from "@/lib/api/client";
import { deleteWebhook, fetchDeliveries } from "@/lib/notifications/client";
import type { DeliveryJson } from "@/lib/notifications/webhook-message";

const inputClass = "mt-1 w-full rounded-md border border-slate-300 p-2 text-sm";
const statusText: Record<DeliveryJson["status"], string> = {
  pending: "Retrying",
  delivered: "Delivered",
  failed: "Failed",
};

/** A webhook's deliveries, read with its id and secret (which never leave this form but for the request). */
export function DeliveryLog() {
  const [id, setId] = useState("");
  const [secret, setSecret] = useState("");
  const [opened, setOpened] = useState<{ id: string; secret: string }>();
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const log = useInfiniteQuery({
    queryKey: ["webhook-deliveries", opened],
    queryFn: ({ pageParam }) => fetchDeliveries(opened!.id, opened!.secret, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next ?? undefined,
    enabled: opened !== undefined,
    retry: false,
  });
  const deliveries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const failure = log.error instanceof ApiRefusedError ? log.error.message : log.error ? String(log.error) : "";

  const stop = async () => {
    setError("");
    setMessage("");
    try {
      await deleteWebhook(id.trim(), secret.trim());
      setOpened(undefined);
      setMessage("The webhook is stopped: nothing more will be sent to it.");
    } catch (refused) {
      setError(refused instanceof ApiRefusedError ? refused.message : String(refused));
    }
  };
  const ready = id.trim() !== "" && secret.trim() !== "";

  return (
    <Section title="Delivery log" testId="delivery-log">
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          setMessage("");
          setError("");
          setOpened({ id: id.trim(), secret: secret.trim() });
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block text-sm">
            <span className="font-medium">Webhook id</span>
            <input value={id} onChange={(e) => setId(e.target.value)} className={inputClass} data-testid="log-id" />
          </label>
          <label className="block text-sm">
            <span className="font-medium">Secret</span>
            <input
              type="password"
              autoComplete="off"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              className={inputClass}
              data-testid="log-secret"
            />
          </label>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            disabled={!ready}
            className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-700 disabled:opacity-50"
            data-testid="log-load"
          >
            Show deliveries
          </button>
          <button
            type="button"
            disabled={!ready}
            onClick={() => void stop()}
            className="rounded-lg border border-red-300 px-4 py-2 text-sm font-semibold text-red-800 hover:bg-red-50 disabled:opacity-50"
            data-testid="log-stop"
          >
            Stop this webhook
          </button>
        </div>
        <p role="status" className="text-sm text-slate-700" data-testid="log-status">
          {message || (log.isSuccess && deliveries.length === 0 ? "No deliveries yet." : "")}
        </p>
        <p role="alert" className="text-sm font-medium text-red-800" data-testid="log-error">
          {error || failure}
        </p>
      </form>
      {deliveries.length > 0 && (
        <div className="mt-3 space-y-2">
          <ScrollBox label="Deliveries">
            <table className="w-full text-left text-sm" data-testid="log-table">
              <caption className="sr-only">Deliveries, newest first</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    Event
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Status
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Attempts
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Last answer
                  </th>
                  <th scope="col" className="py-1">
                    When
                  </th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr key={delivery.eventId} className="border-t border-slate-100" data-testid="log-row">
                    <td className="py-1 pr-3 font-mono text-xs">{delivery.eventId}</td>
                    <td className="py-1 pr-3">{statusText[delivery.status]}</td>
                    <td className="py-1 pr-3">{delivery.attempts}</td>
                    <td className="py-1 pr-3">{delivery.lastError ?? delivery.lastStatus ?? "–"}</td>
                    <td className="py-1">
                      {(delivery.deliveredAt ?? delivery.nextAttemptAt ?? delivery.createdAt)
                        .replace("T", " ")
                        .slice(0, 16)}{" "}
                      UTC
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <ShowMore query={log} label="deliveries" />
        </div>
      )}
    </Section>
  );
}
