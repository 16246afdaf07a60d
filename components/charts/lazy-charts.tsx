"use client";

import dynamic from "next/dynamic";
import { ChartSkeleton } from "./chart-figure";

// Each chart's code (and Recharts) loads on the page that draws it, not in the console's shared
// bundle; never on the server, where its inline style attributes would be refused by the page's CSP
// (styles set from script are not), and where it could not measure its width anyway.
export const CategoryBarChart = dynamic(() => import("./category-bar-chart"), { ssr: false, loading: ChartSkeleton });
export const TimeBarChart = dynamic(() => import("./time-bar-chart"), { ssr: false, loading: ChartSkeleton });
export const RateLineChart = dynamic(() => import("./rate-line-chart"), { ssr: false, loading: ChartSkeleton });
export const FlowSankey = dynamic(() => import("./flow-sankey"), { ssr: false, loading: ChartSkeleton });
