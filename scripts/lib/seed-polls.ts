// The demo's temperature checks: published and voted through the app's own /api/polls, signed with anvil's keys as
// the holders' wallets would sign them.
import { createPublicClient, http, type Hash } from "viem";
import type { Deployment } from "../../lib/contracts/deployment";
import { pollToJson, voteToJson, type CreatePollRequest, type PollVoteRequest } from "../../lib/polls/api";
import { pollDomain, pollTypedData, pollVoteTypedData, type Poll } from "../../lib/polls/typed-data";
import { localRoles } from "./accounts";
import { anvilAccount } from "./chain";

const DAY = 86_400n;

async function post<T>(appUrl: string, path: string, body: CreatePollRequest | PollVoteRequest): Promise<T> {
  const response = await fetch(`${appUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${path}: ${answer.error}: ${answer.message}`);
  return answer as T;
}

/** Two open temperature checks with a few votes each; returns their ids. */
export async function seedPolls({
  appUrl,
  rpcUrl,
  deployment,
}: {
  appUrl: string;
  rpcUrl: string;
  deployment: Deployment;
}): Promise<Hash[]> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const domain = pollDomain(deployment.chainId, deployment.governor);
  const { timestamp: now } = await client.getBlock();
  const [ada, ravi, lena, tomas] = localRoles.delegates.map(anvilAccount);
  const base = { snapshot: now - 1n, start: now, end: now + 5n * DAY, actions: [] };
  const polls: { poll: Poll; votes: { voter: typeof ada; choice: bigint; reason: string }[] }[] = [
    {
      poll: {
        ...base,
        author: ada.address,
        title: "Where should the next inference subsidy go?",
        body: "Providers in new regions ask for a six-month subsidy on the **provider reward rate**. Which region first?\n\nThe winning region gets a grant proposal on chain next month.",
        discussion: "https://forum.plenum.example/t/regional-subsidy",
        kind: "single",
        options: ["South America", "Africa", "Southeast Asia"],
      },
      votes: [
        { voter: ravi, choice: 2n, reason: "Most of the waiting providers are in Jakarta and Manila." },
        { voter: lena, choice: 1n, reason: "Lagos and Nairobi have the worst latency today." },
        { voter: tomas, choice: 0n, reason: "" },
      ],
    },
    {
      poll: {
        ...base,
        author: ravi.address,
        title: "Temperature check: lower the SLA uptime floor to 99.0%",
        body: "Small providers are slashed for maintenance windows. Would you support lowering the uptime floor from 99.5% to 99.0%?",
        discussion: "",
        kind: "basic",
        options: ["For", "Against", "Abstain"],
      },
      votes: [
        { voter: ada, choice: 1n, reason: "Users pay for 99.5%; keep it." },
        { voter: lena, choice: 0n, reason: "Maintenance windows should not cost stake." },
      ],
    },
  ];
  const ids: Hash[] = [];
  for (const { poll, votes } of polls) {
    const author = [ada, ravi].find((account) => account.address === poll.author)!;
    const signature = await author.signTypedData(pollTypedData(domain, poll));
    const { id } = await post<{ id: Hash }>(appUrl, "/api/polls", { poll: pollToJson(poll), signature });
    for (const { voter, choice, reason } of votes) {
      const vote = { poll: id, voter: voter.address, choice, reason, timestamp: now };
      const voteSignature = await voter.signTypedData(pollVoteTypedData(domain, vote));
      await post(appUrl, `/api/polls/${id}/votes`, { vote: voteToJson(vote), signature: voteSignature });
    }
    ids.push(id);
  }
  return ids;
}
