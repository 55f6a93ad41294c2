import { isAddressEqual } from "viem";
import { formatTimestamp, formatTokens } from "@/lib/format";
import type { DisputeRecord, PanelMember } from "@/lib/governance/disputes";

/** The expert panel: each member's public profile, stake, and the timed-out disputes it did not rule on. */
export function PanelList({
  panel,
  disputes,
  expertStake,
  now,
}: {
  panel: PanelMember[];
  disputes: readonly Pick<DisputeRecord, "id" | "idleMembers">[];
  expertStake: bigint;
  now: bigint;
}) {
  return (
    <section className="space-y-3">
      <div>
        <h2 className="text-lg font-semibold">Expert panel</h2>
        <p className="text-sm text-slate-600">
          Set by governance. Each member stakes at least {formatTokens(expertStake, 0)} PLM to rule; the timelock can
          slash a stake for a malicious or negligent ruling, or for not ruling on a dispute that timed out.
        </p>
      </div>
      {panel.length === 0 ? (
        <p className="text-slate-600">The panel has no members.</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-3">
          {panel.map((member) => (
            <li
              key={member.address}
              data-testid="panel-member"
              data-address={member.address}
              className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm"
            >
              <p className="font-mono text-xs break-all text-slate-600">{member.address}</p>
              <p data-testid="panel-profile">{member.profile}</p>
              <p>
                Stake:{" "}
                <span data-testid="panel-stake" className="font-medium">
                  {formatTokens(member.stake, 0)} PLM
                </span>
                {member.stake < expertStake && <span className="ml-1 text-red-700">(below the minimum)</span>}
              </p>
              {member.stakeLockedUntil > now && (
                <p className="text-xs text-slate-600">Locked until {formatTimestamp(member.stakeLockedUntil)}</p>
              )}
              <MissedTimeouts member={member} disputes={disputes} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** How many timed-out disputes the member sat on without ruling, and which of those listed here. */
function MissedTimeouts({
  member,
  disputes,
}: {
  member: PanelMember;
  disputes: readonly Pick<DisputeRecord, "id" | "idleMembers">[];
}) {
  const missed = disputes.filter((dispute) => dispute.idleMembers.some((idle) => isAddressEqual(idle, member.address)));
  return (
    <p data-testid="panel-missed-timeouts" className={member.missedTimeouts > 0n ? "text-amber-800" : "text-slate-600"}>
      {member.missedTimeouts === 0n
        ? "Ruled on every dispute that timed out while on the panel."
        : `Did not rule on ${member.missedTimeouts} timed-out ${member.missedTimeouts === 1n ? "dispute" : "disputes"}${
            missed.length > 0 ? ` (${missed.map((dispute) => `#${dispute.id}`).join(", ")})` : ""
          }.`}
    </p>
  );
}
