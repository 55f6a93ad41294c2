import type { Metadata } from "next";
import { DelegateDirectory } from "./_components/delegate-directory";

export const metadata: Metadata = { title: "Delegates" };

export default function DelegatesPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Delegates</h1>
        <p className="text-slate-600">
          Everyone who holds voting power or has published a statement, with their record on chain.
        </p>
      </div>
      <DelegateDirectory />
    </div>
  );
}
