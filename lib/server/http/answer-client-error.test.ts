import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerClientError } from "./answer-client-error";

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((_, res) => res.end("ok"));
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends raw bytes and reads the whole answer: the refusals happen before any parser a client library would use. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("utf8")));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("answerClientError", () => {
  it("answers an oversized request line as problem+json, not Node's bare 431", async () => {
    const answer = await raw(`GET /api/v1/users?q=${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    const [head = "", body = ""] = answer.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/problem\+json/);
    expect(head).toMatch(/x-content-type-options: nosniff/);
    expect(JSON.parse(body)).toMatchObject({ status: 400, code: "bad_request", detail: expect.stringMatching(/exceed 16 KB/) });
  });

  it("answers a malformed request as problem+json", async () => {
    const answer = await raw("NOT HTTP AT ALL\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.split("\r\n\r\n")[1] ?? "")).toMatchObject({
      code: "bad_request",
      detail: "The request is not valid HTTP/1.1",
    });
  });
});
