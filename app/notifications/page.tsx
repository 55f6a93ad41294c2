import type { Metadata } from "next";
import { Section } from "@/components/section";
import { DeliveryLog } from "./_components/delivery-log";
import { WebhookForm } from "./_components/webhook-form";

export const metadata: Metadata = {
  title: "Notifications",
  description: "Follow the DAO by feed, or get its events as signed webhooks.",
};

const feeds = [
  { path: "/feeds/proposals", what: "Every proposal as it moves: created, voting, outcome, queued, executed" },
  { path: "/feeds/disputes", what: "Disputes, the panel's rulings with reasons, outcomes and payouts" },
];

export default function NotificationsPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Notifications</h1>
        <p className="text-slate-600">
          Follow the DAO in a feed reader, or have its events posted to your server as signed webhooks.
        </p>
      </div>
      <Section title="Feeds" testId="feeds">
        <ul className="space-y-2 text-sm">
          {feeds.map((feed) => (
            <li key={feed.path}>
              {feed.what}:{" "}
              <a href={`${feed.path}.atom`} className="text-blue-700 underline">
                Atom
              </a>{" "}
              ·{" "}
              <a href={`${feed.path}.json`} className="text-blue-700 underline">
                JSON Feed
              </a>
            </li>
          ))}
          <li>
            One delegate&apos;s votes with their reasons: the feed links on each delegate&apos;s profile
            (/feeds/delegates/&lt;address&gt;.atom).
          </li>
        </ul>
      </Section>
      <WebhookForm />
      <DeliveryLog />
    </div>
  );
}
