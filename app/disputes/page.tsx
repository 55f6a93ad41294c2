import type { Metadata } from "next";
import { FeedLinks, feedAlternates } from "@/components/feed-links";
import { DisputesView } from "./_components/disputes-view";

export const metadata: Metadata = {
  title: "Disputes",
  alternates: feedAlternates("/feeds/disputes", "Plenum disputes"),
};

export default function DisputesPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Disputes</h1>
        <p className="text-slate-600">
          Bonded challenges against queued proposals. While a dispute is open the proposal cannot be executed; the
          expert panel rules on it with reasons recorded on chain.
        </p>
      </div>
      <DisputesView />
      <FeedLinks path="/feeds/disputes" what="disputes, rulings and payouts" />
    </div>
  );
}
