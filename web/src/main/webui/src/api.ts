import { accessToken } from './auth';
import { observeServerTime } from './clock';

/** An RFC 9457 problem a service answered with: every refusal the pages show comes from one. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly body: Record<string, unknown>,
  ) {
    super(detail || title);
  }

  /** The last part of the problem type: "outbid", "no-deposit", "sold-out"… */
  get code(): string {
    return this.type.split('/').pop() || String(this.status);
  }
}

export type Service = 'catalog' | 'auction' | 'deposit' | 'orders' | 'stores';

export interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  idempotencyKey?: string;
}

export function newKey(): string {
  return crypto.randomUUID();
}

export async function api<T>(service: Service, path: string, call: Call = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = await accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  if (call.idempotencyKey) headers['Idempotency-Key'] = call.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(`/api/${service}${path}`, {
      method: call.method ?? 'GET',
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
  } catch {
    throw new Refusal(0, 'network', 'Network', 'The network did not answer.', {});
  }
  // Date has whole seconds: its middle is the best guess of the server's time now
  const date = response.headers.get('Date');
  if (date) observeServerTime(new Date(Date.parse(date) + 500).toISOString());
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem = (json ?? {}) as Record<string, unknown>;
    throw new Refusal(
      response.status,
      String(problem.type ?? response.status),
      String(problem.title ?? response.statusText),
      String(problem.detail ?? ''),
      problem,
    );
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}
