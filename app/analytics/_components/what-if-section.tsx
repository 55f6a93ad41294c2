"use client";

import dynamic from "next/dynamic";
import { QueryState } from "@/components/query-state";
import { Section } from "@/components/section";
import { useDaoOverview } from "@/lib/hooks/use-dao-overview";

// The form checks settings with the builder's templates (and their ABIs): loaded after the page's content.
const WhatIf = dynamic(() => import("./what-if-form").then((module) => module.WhatIf), { ssr: false });

/**
 * Other governor settings tried on every past proposal: which outcomes they would have changed, proposal by proposal,
 * and a builder draft that proposes them.
 */
export function WhatIfSection() {
  const overview = useDaoOverview();
  return (
    <Section title="What if the settings were different?" testId="what-if">
      <QueryState query={overview} label="the governor's settings">
        {() =>
          overview.data && (
            <WhatIf
              current={{
                quorumNumerator: overview.data.quorumNumerator,
                votingPeriod: BigInt(overview.data.settings.votingPeriod),
                lateQuorumExtension: BigInt(overview.data.settings.lateQuorumExtension),
              }}
              quorumDenominator={overview.data.quorumDenominator}
            />
          )
        }
      </QueryState>
    </Section>
  );
}
