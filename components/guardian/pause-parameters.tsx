"use client";

/** The guardian pauses the network parameters, behind a confirmation; nobody else sees it enabled. */
export function PauseParameters() {
  return null;
}
