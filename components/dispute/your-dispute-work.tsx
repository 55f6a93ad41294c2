"use client";

/** For the connected account: open cases awaiting its ruling (panel members) and payouts to withdraw. */
export function YourDisputeWork() {
  return null;
}
