/** Says whether the list updates by itself, or by polling while the live stream is down. */
export function LiveStatus({ live }: { live: boolean }) {
  return (
    <p className="muted small live-status" role="status">
      <span className={live ? "live-dot live-dot-on" : "live-dot"} aria-hidden="true" />
      {live ? "Live: new requests and decisions appear without a reload." : "Reconnecting; refreshing every few seconds meanwhile."}
    </p>
  );
}
