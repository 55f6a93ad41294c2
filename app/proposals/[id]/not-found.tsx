import { ProposalNotFound } from "./_components/proposal-not-found";

export default function NotFound() {
  return <ProposalNotFound />;
}
