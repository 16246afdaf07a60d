"use client";

import { useEffect, useState } from "react";
import { formatTimestamp } from "@/components/ui/timestamp";
import { formatDuration } from "./format-duration";

const SOON_MS = 5 * 60_000;

/**
 * Time left until `deadline`, ticking each second. It starts from the server's `asOf`, so the
 * server and the browser render the same text.
 */
export function Countdown({ deadline, asOf }: { deadline: string; asOf: string }) {
  const [now, setNow] = useState(() => new Date(asOf).getTime());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const left = new Date(deadline).getTime() - now;
  return (
    <time
      dateTime={deadline}
      title={`Deadline ${formatTimestamp(deadline)}`}
      className={left < SOON_MS ? "countdown countdown-soon" : "countdown"}
    >
      {left <= 0 ? "deadline passed" : `${formatDuration(left)} left`}
    </time>
  );
}
