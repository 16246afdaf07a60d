import "server-only";
import pg from "pg";
import { requireDatabaseUrl } from "../env";

/** The NOTIFY channels the migrations' triggers fire on. */
export type TNotificationChannel = "tollgate_registry" | "tollgate_killswitch" | "tollgate_approval" | "tollgate_webhook";
const CHANNELS: readonly TNotificationChannel[] = ["tollgate_registry", "tollgate_killswitch", "tollgate_approval", "tollgate_webhook"];

type TListener = (payload: string) => void;
/** `connected` after every (re)connect: a consumer reloads then, because notifications sent while disconnected are lost. */
type TStateListener = (state: { connected: boolean }) => void;

/**
 * One LISTEN connection per process, shared by every consumer (snapshot store, kill-switch
 * streams, approval waiters, webhook dispatcher). It reconnects with backoff and reports each
 * state change, so consumers can fail closed while it is down and reload once it is back.
 */
export class NotificationHub {
  private client: pg.Client | null = null;
  private readonly listeners = new Map<TNotificationChannel, Set<TListener>>();
  private readonly stateListeners = new Set<TStateListener>();
  private connecting: Promise<void> | null = null;
  private closed = false;
  private retryMs = 100;
  connected = false;

  constructor(private readonly connectionString: string) {}

  on(channel: TNotificationChannel, listener: TListener): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    void this.start();
    return () => set.delete(listener);
  }

  onState(listener: TStateListener): () => void {
    this.stateListeners.add(listener);
    void this.start();
    return () => this.stateListeners.delete(listener);
  }

  /** Resolves once LISTEN is in place (or rejects if the first attempt fails). */
  start(): Promise<void> {
    if (this.connected || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    this.setConnected(false);
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: "tollgate-listen" });
    client.on("notification", (message) => {
      const set = this.listeners.get(message.channel as TNotificationChannel);
      if (!set) return;
      for (const listener of set) listener(message.payload ?? "");
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.setConnected(false);
      void client.end().catch(() => {});
      this.scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", lost);
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      this.scheduleReconnect();
      throw error;
    }
    if (this.closed) return void (await client.end().catch(() => {}));
    this.client = client;
    this.retryMs = 100;
    this.setConnected(true);
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5_000);
    setTimeout(() => void this.start().catch(() => {}), delay).unref();
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    for (const listener of this.stateListeners) listener({ connected });
  }
}

const holder = globalThis as unknown as { tollgateNotifications?: NotificationHub };

/** The process's hub, on DATABASE_URL. Shared through globalThis so bundled and unbundled code use one connection. */
export function notificationHub(): NotificationHub {
  holder.tollgateNotifications ??= new NotificationHub(requireDatabaseUrl());
  return holder.tollgateNotifications;
}
