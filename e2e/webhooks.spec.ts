import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { asUser, expectProblem, uniqueKey } from "./support/registry";
import { DEMO, signInByForm } from "./support/session";

type TReceived = { headers: IncomingHttpHeaders; body: string };

/** The operator's side: a real HTTP endpoint that records what Tollgate sends it. */
async function startReceiver() {
  const received: TReceived[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/tollgate`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The README's verification recipe, as a receiver would write it. */
function verifies(secret: string, header: string, rawBody: string): boolean {
  const parts = header.split(",").map((part) => part.split("="));
  const t = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();
  return parts.some(
    ([key, value = ""]) => key === "v1" && /^[0-9a-f]{64}$/.test(value) && timingSafeEqual(Buffer.from(value, "hex"), expected),
  );
}

test("Security adds a webhook endpoint, keeps the secret shown once, and a signed test arrives and is logged", async ({
  page,
  playwright,
}) => {
  test.setTimeout(90_000);
  const receiver = await startReceiver();
  const name = uniqueKey("e2e-hook");
  try {
    await signInByForm(page, DEMO.SECURITY);
    await page.goto("/webhooks");
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    let secret = "";
    await test.step("adding the endpoint shows its signing secret once", async () => {
      const form = page.getByRole("form", { name: "Add a webhook endpoint" });
      await form.getByLabel("Name").fill(name);
      await form.getByLabel("URL").fill(receiver.url);
      await form.getByRole("button", { name: "Add endpoint" }).click();
      const reveal = page.getByRole("textbox", { name: `Signing secret for ${name}` });
      await expect(reveal).toHaveValue(/^whsec_/);
      secret = await reveal.inputValue();
      await page.getByRole("button", { name: "I have stored it" }).click();
      await expect(page.getByRole("textbox", { name: `Signing secret for ${name}` })).toHaveCount(0);
      expect(await (await page.request.get("/api/v1/webhooks")).text()).not.toContain(secret);
    });

    await test.step("a test delivery arrives signed with that secret, and the log shows it delivered", async () => {
      await page.getByRole("button", { name: `Send a test to ${name}` }).click();
      await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
      const [request] = receiver.received;
      expect(request?.headers["tollgate-event"]).toBe("webhook.test");
      expect(verifies(secret, String(request?.headers["tollgate-signature"]), request?.body ?? "")).toBe(true);
      expect(JSON.parse(request?.body ?? "{}")).toMatchObject({ event: "webhook.test", text: expect.stringContaining(name) });
      await page.getByLabel("Endpoint", { exact: true }).selectOption({ label: name });
      const log = page.getByRole("region", { name: "Delivery log" });
      await expect(log.getByRole("row").filter({ hasText: "webhook.test" })).toContainText("delivered", { timeout: 15_000 });
    });

    await test.step("rotating the secret shows the new one, which no longer matches the old", async () => {
      await page.getByRole("button", { name: `Rotate the secret of ${name}` }).click();
      await page
        .getByRole("group", { name: `Rotate the secret of ${name}` })
        .getByRole("button", { name: "Rotate now" })
        .click();
      const reveal = page.getByRole("textbox", { name: `Signing secret for ${name}` });
      await expect(reveal).toHaveValue(/^whsec_/);
      expect(await reveal.inputValue()).not.toBe(secret);
    });
  } finally {
    await receiver.close();
  }

  await test.step("an approver has neither the page nor the API", async () => {
    await asUser(playwright, DEMO.APPROVER, async (request) => {
      await expectProblem(await request.get("/api/v1/webhooks"), 403, "forbidden", "approver lists webhooks");
      await expectProblem(
        await request.post("/api/v1/webhooks", { data: { name, url: receiver.url, events: ["approval.created"] } }),
        403,
        "forbidden",
        "approver adds one",
      );
    });
  });
});

test("bad endpoint input is refused with what to fix", async ({ playwright }) => {
  await asUser(playwright, DEMO.SECURITY, async (request) => {
    const bad = await request.post("/api/v1/webhooks", { data: { name: "", url: "ftp://example.com/x", events: [] } });
    const problem = await expectProblem(bad, 400, "validation_failed", "bad endpoint");
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["body.events", "body.name", "body.url"]);
    const missing = await request.patch("/api/v1/webhooks/00000000-0000-4000-8000-000000000000", { data: { enabled: false } });
    await expectProblem(missing, 404, "not_found", "unknown endpoint");
  });
});
