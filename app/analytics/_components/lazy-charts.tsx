"use client";

import dynamic from "next/dynamic";

// Recharts is loaded in the browser after the page's content, which renders on the server with the chart boxes
// already at their size: the charts add nothing to the first load, and only this page ever loads them.
export const TurnoutChart = dynamic(() => import("./charts").then((module) => module.TurnoutChart), { ssr: false });
export const MarginChart = dynamic(() => import("./charts").then((module) => module.MarginChart), { ssr: false });
export const SupplyChart = dynamic(() => import("./charts").then((module) => module.SupplyChart), { ssr: false });
export const BandsChart = dynamic(() => import("./charts").then((module) => module.BandsChart), { ssr: false });
