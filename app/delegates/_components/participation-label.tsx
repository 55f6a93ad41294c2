import { participationPercent, type Participation } from "@/lib/governance/delegates";

/** What participation counts, said once wherever it is shown. */
export const participationExplanation =
  "Participation: proposals voted on, of those whose voting started while the address had voting power.";

function participationText(participation: Participation): string {
  const percent = participationPercent(participation);
  return percent === undefined ? "—" : `${percent}% (${participation.voted} of ${participation.eligible})`;
}

export function ParticipationLabel({ participation, testId }: { participation: Participation; testId?: string }) {
  return (
    <span data-testid={testId} title={participationExplanation}>
      {participationText(participation)}
    </span>
  );
}
