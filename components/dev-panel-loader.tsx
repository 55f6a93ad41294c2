"use client";

import dynamic from "next/dynamic";

/** The dev panel (local chain only) is loaded apart from the pages' own JavaScript. */
export const DevPanelLoader = dynamic(() => import("./dev-panel").then((module) => module.DevPanel), { ssr: false });
