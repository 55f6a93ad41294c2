import type { z } from "zod/mini";

/** What an API route answers when it refuses: the refusal's name and a sentence a user can act on. */
export type RefusalBody<Name extends string = string> = { error: Name; message: string };

/** A request a server route will not carry out, by name, with the HTTP status it answers. */
export class Refusal<Name extends string = string> extends Error {
  constructor(
    readonly refusal: Name,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = refusal;
  }

  get body(): RefusalBody<Name> {
    return { error: this.refusal, message: this.message };
  }
}

/** A request's body checked against its schema; the first problem refused as InvalidRequest, naming its field. */
export function parseRequest<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join(".") || "body";
  throw new Refusal("InvalidRequest", 400, `The request's ${field} is not valid: ${issue?.message ?? "unreadable"}.`);
}
