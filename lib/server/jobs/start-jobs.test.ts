import { describe, expect, it } from "vitest";
import type { TBackgroundJob } from "./background-job";
import { BACKGROUND_JOBS } from "./background-jobs";
import { startJobs } from "./start-jobs";

function recordingJob(name: string, log: string[], options: { failToStart?: boolean } = {}): TBackgroundJob {
  return {
    name,
    exclusion: "skip-locked",
    start() {
      if (options.failToStart) throw new Error(`${name} could not start`);
      log.push(`start ${name}`);
      return () => log.push(`stop ${name}`);
    },
  };
}

describe("startJobs", () => {
  it("starts every job and stops them all, last started first, once", () => {
    const log: string[] = [];
    const stop = startJobs([recordingJob("a", log), recordingJob("b", log)]);
    expect(log).toEqual(["start a", "start b"]);
    stop();
    stop();
    expect(log).toEqual(["start a", "start b", "stop b", "stop a"]);
  });

  it("stops the jobs already started when one fails to start", () => {
    const log: string[] = [];
    expect(() => startJobs([recordingJob("a", log), recordingJob("b", log, { failToStart: true }), recordingJob("c", log)])).toThrow(
      "b could not start",
    );
    expect(log).toEqual(["start a", "stop a"]);
  });

  it("lists the approval sweeper and the webhook dispatcher, each named once", () => {
    const names = BACKGROUND_JOBS.map((job) => job.name);
    expect(names).toEqual(expect.arrayContaining(["approval-sweeper", "webhook-dispatcher"]));
    expect(new Set(names).size).toBe(names.length);
  });
});
