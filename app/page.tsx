import { readDaoOverview } from "@/lib/chain/dao-overview";
import { serverChainClient } from "@/lib/chain/server-client";
import { serverChainNow } from "@/lib/chain/server-clock";
import { readOpenProposals } from "@/lib/indexer/proposals";
import { renderRead } from "@/lib/indexer/server";
import { Grants } from "./_components/grants";
import { NeedsAttention } from "./_components/needs-attention";
import { Overview } from "./_components/overview";
import { YourAccount } from "./_components/your-account";

export default async function OverviewPage() {
  // Rendered with what the indexer and the chain answer within their time; whatever did not, the browser loads.
  const [openProposals, overview] = await Promise.all([
    serverChainNow().then((now) => renderRead((client) => readOpenProposals(client, now))),
    readDaoOverview(serverChainClient()).catch(() => undefined),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Plenum DAO</h1>
        <p className="text-slate-600">The treasury, the AI network&apos;s parameters and the rules of governance.</p>
      </div>
      <YourAccount />
      <NeedsAttention initial={openProposals} />
      <Overview initial={overview} />
      <Grants />
    </div>
  );
}
