// The browser's side of the webhook routes.
import { apiFetch, apiPost } from "../api/client";
import type { DeliveryJson } from "./webhook-message";

const WEBHOOKS = "The webhook server";
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

export const registerWebhook = (body: {
  url: string;
  events: string[];
  owner: string;
  issuedAt: string;
  signature: string;
}) => apiPost<{ id: string; secret: string }>("/api/webhooks", WEBHOOKS, body);

export const fetchDeliveries = (id: string, secret: string, cursor?: string) =>
  apiFetch<{ items: DeliveryJson[]; next: string | null }>(
    `/api/webhooks/${encodeURIComponent(id)}/deliveries${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`,
    WEBHOOKS,
    { headers: bearer(secret) },
  );

export const deleteWebhook = (id: string, secret: string) =>
  apiFetch<{ id: string }>(`/api/webhooks/${encodeURIComponent(id)}`, WEBHOOKS, {
    method: "DELETE",
    headers: bearer(secret),
  });
