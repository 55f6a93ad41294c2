import { Grants } from "./_components/grants";
import { NeedsAttention } from "./_components/needs-attention";
import { Overview } from "./_components/overview";
import { YourAccount } from "./_components/your-account";

export default function OverviewPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Plenum DAO</h1>
        <p className="text-slate-600">The treasury, the AI network&apos;s parameters and the rules of governance.</p>
      </div>
      <YourAccount />
      <NeedsAttention />
      <Overview />
      <Grants />
    </div>
  );
}
