import "server-only";
import type { TBackgroundJob } from "./background-job";
import { BACKGROUND_JOBS } from "./background-jobs";

/**
 * Starts every job and returns the one function that stops them all, last started first. A job
 * that fails to start stops those already started before the error goes on: never half the jobs.
 */
export function startJobs(jobs: readonly TBackgroundJob[] = BACKGROUND_JOBS): () => void {
  const stops: (() => void)[] = [];
  const stopAll = () => {
    for (const stop of stops.splice(0).reverse()) stop();
  };
  try {
    for (const job of jobs) stops.push(job.start());
  } catch (error) {
    stopAll();
    throw error;
  }
  return stopAll;
}
