import Link from "next/link";

/** For a malformed id (the route's not-found) and for an id the governor does not know (GovernorNonexistentProposal). */
export function ProposalNotFound({ id }: { id?: string }) {
  return (
    <div className="mx-auto max-w-md py-16 text-center" data-testid="proposal-not-found">
      <h1 className="text-2xl font-semibold">Proposal not found</h1>
      <p className="mt-2 text-slate-600">
        {id === undefined
          ? "A proposal id is a number, and this address does not hold one."
          : "The governor has no proposal with this id: check the link, or pick one from the list."}
      </p>
      <Link
        href="/proposals"
        className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white"
      >
        Back to all proposals
      </Link>
    </div>
  );
}
