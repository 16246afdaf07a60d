import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";
import { AppError } from "../errors";

const FORMAT = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** 32 random bytes, shown to the operator once; `whsec_` says what it is wherever it gets pasted. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

function encryptionKey(): Buffer {
  const serverSecret = env().TOLLGATE_SECRET_KEY ?? env().NEXTAUTH_SECRET;
  if (!serverSecret) {
    throw new AppError(
      "unavailable",
      "Webhook secrets cannot be stored: set TOLLGATE_SECRET_KEY (or NEXTAUTH_SECRET) on the server and restart it",
    );
  }
  // A key of its own, so this ciphertext never shares a key with session signing.
  return Buffer.from(hkdfSync("sha256", serverSecret, "tollgate", "webhook-secret-encryption-v1", 32));
}

/** AES-256-GCM, bound to the endpoint id so a sealed secret copied onto another endpoint does not open. */
export function sealWebhookSecret(secret: string, endpointId: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv).setAAD(Buffer.from(endpointId));
  const sealed = Buffer.concat([iv, cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${FORMAT}:${sealed.toString("base64url")}`;
}

/** Throws if the server key changed since sealing, or the value was tampered with. */
export function openWebhookSecret(sealed: string, endpointId: string): string {
  const [format, data = ""] = sealed.split(":");
  if (format !== FORMAT) throw new Error(`unknown webhook secret format ${format ?? ""}`);
  const bytes = Buffer.from(data, "base64url");
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), iv).setAAD(Buffer.from(endpointId));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
}
