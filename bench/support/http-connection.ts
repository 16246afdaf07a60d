import { connect, type Socket } from "node:net";

export type TTarget = { host: string; port: number };
export type TResponse = { status: number; body: Buffer };

/** One HTTP/1.1 request as bytes, written to the socket as is (keep-alive, Content-Length). */
export function rawRequest(options: {
  method: "GET" | "POST";
  path: string;
  target: TTarget;
  headers?: Record<string, string>;
  body?: string;
}): Buffer {
  const body = options.body === undefined ? null : Buffer.from(options.body);
  const lines = [`${options.method} ${options.path} HTTP/1.1`, `host: ${options.target.host}:${options.target.port}`];
  for (const [name, value] of Object.entries(options.headers ?? {})) lines.push(`${name}: ${value}`);
  if (body) lines.push("content-type: application/json", `content-length: ${body.length}`);
  const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
  return body ? Buffer.concat([head, body]) : head;
}

const HEAD_END = Buffer.from("\r\n\r\n");
const CRLF = Buffer.from("\r\n");

/** Where the response starting at 0 ends and its body, or null while it is still incomplete. */
function parseResponse(data: Buffer): { end: number; status: number; body: Buffer } | null {
  const headEnd = data.indexOf(HEAD_END);
  if (headEnd < 0) return null;
  const head = data.toString("latin1", 0, headEnd);
  const status = Number(head.slice(9, 12));
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  let at = headEnd + 4;
  if (length) {
    const end = at + Number(length[1]);
    return data.length < end ? null : { end, status, body: data.subarray(at, end) };
  }
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) return { end: at, status, body: Buffer.alloc(0) };
  const chunks: Buffer[] = [];
  for (;;) {
    const lineEnd = data.indexOf(CRLF, at);
    if (lineEnd < 0) return null;
    const size = parseInt(data.toString("latin1", at, lineEnd), 16);
    const end = lineEnd + 2 + size + 2;
    if (data.length < end) return null;
    if (size === 0) return { end, status, body: Buffer.concat(chunks) };
    chunks.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = end;
  }
}

/**
 * A keep-alive connection that writes pre-built request bytes and reads just enough of each
 * response to find its status, body and end: far cheaper per request than node:http's client,
 * so on two cores the load generator leaves the server as much CPU as it can (autocannon's trick).
 */
export class HttpConnection {
  private socket: Socket | null = null;
  private data: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: TResponse) => void; reject: (e: Error) => void } | null = null;

  constructor(private readonly target: TTarget) {}

  private open(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.target.port, this.target.host);
      socket.setNoDelay(true);
      socket.once("connect", () => resolve(socket));
      socket.once("error", reject);
      socket.on("data", (chunk: Buffer) => this.receive(chunk));
      socket.on("close", () => {
        if (this.socket === socket) this.socket = null;
        this.data = Buffer.alloc(0);
        this.fail(new Error("the server closed the connection"));
      });
      socket.on("error", (error) => this.fail(error));
    });
  }

  /** Opens the connection now rather than on the first send (whose latency would include the handshake). */
  async connect(): Promise<void> {
    this.socket ??= await this.open();
  }

  async send(request: Buffer): Promise<TResponse> {
    this.socket ??= await this.open();
    const socket = this.socket;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(request);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private receive(chunk: Buffer): void {
    this.data = this.data.length ? Buffer.concat([this.data, chunk]) : chunk;
    const parsed = parseResponse(this.data);
    if (!parsed) return;
    this.data = this.data.subarray(parsed.end);
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve({ status: parsed.status, body: parsed.body });
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }
}
