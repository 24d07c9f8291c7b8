// Reading a JSON answer in an API test through its contract schema (core/contract, ADR 0010): a field the contract
// does not name, a missing one or a wrong type fails the test where it happens, for mutations as well as reads (the
// contract test aims a GET at every route; module tests see what each change answers).
import { z } from 'zod';

export async function answer<T extends z.ZodType>(res: Response, schema: T): Promise<z.output<T>> {
  const body: unknown = await res.clone().json();
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const sample = JSON.stringify(body).slice(0, 500);
    throw new Error(`the answer does not match its contract:\n${z.prettifyError(parsed.error)}\n${sample}`);
  }
  return parsed.data;
}
