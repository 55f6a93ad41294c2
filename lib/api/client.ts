// The browser's side of the app's API routes: a refusal arrives as `{ error, message }` and is thrown by name.
import type { RefusalBody } from "./refusal";

/** A route said no (or did not answer): `refusal` is its name, the message its sentence followed by the name. */
export class ApiRefusedError extends Error {
  constructor(
    readonly refusal: string,
    message: string,
  ) {
    super(`${message} (${refusal})`);
    this.name = refusal;
  }
}

/**
 * `fetch` of one of the app's JSON routes: the body when the answer is OK, otherwise an ApiRefusedError with the
 * route's refusal, or `Unreachable` (named after `service`) when it did not answer at all.
 */
export async function apiFetch<T>(path: string, service: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, cache: "no-store" });
  } catch {
    throw new ApiRefusedError("Unreachable", `${service} did not answer.`);
  }
  const body = (await response.json().catch(() => undefined)) as T | RefusalBody | undefined;
  if (response.ok && body) return body as T;
  const refusal = body as RefusalBody | undefined;
  throw new ApiRefusedError(
    refusal?.error ?? "Unreachable",
    refusal?.message ?? `${service} answered HTTP ${response.status}.`,
  );
}

/** POST a JSON body to one of the app's routes. */
export function apiPost<T>(path: string, service: string, body: unknown): Promise<T> {
  return apiFetch<T>(path, service, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
