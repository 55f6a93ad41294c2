/** Mirrors DisputeModule.Status (contract enum order). */
export const disputeStatusNames = ["None", "Open", "Upheld", "Rejected", "TimedOut"] as const;
export type DisputeStatusName = (typeof disputeStatusNames)[number];

/** How a dispute's status reads to a person. */
export const disputeStatusLabels: Record<DisputeStatusName, string> = {
  None: "No dispute",
  Open: "Open: execution frozen",
  Upheld: "Upheld: proposal canceled",
  Rejected: "Rejected: bond to the treasury",
  TimedOut: "Timed out: bond refunded",
};

/** The short name of each status, for badges. */
export const disputeStatusBadges: Record<DisputeStatusName, string> = {
  None: "None",
  Open: "Open",
  Upheld: "Upheld",
  Rejected: "Rejected",
  TimedOut: "Timed out",
};
