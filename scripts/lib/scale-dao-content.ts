// The synthetic DAO's accounts and texts, derived from indices so every run writes the same history: delegate
// statements, vote reasons, proposal descriptions. Varied enough in length and wording to exercise search and
// rendering; no randomness, no network.
import { getAddress, keccak256, stringToBytes, type Address } from "viem";

/** A well-mixed 32-bit number from a few integers (murmur3's finalizer over a running hash). */
export function mix(...values: number[]): number {
  let hash = 0x9e3779b9;
  for (const value of values) {
    hash = Math.imul(hash ^ (value | 0), 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

const pick = <T>(items: readonly T[], seed: number): T => items[seed % items.length];

/** An address nobody holds a key for: anvil impersonates it. */
export function syntheticAddress(role: "delegate" | "delegator" | "holder" | "grantee", index: number): Address {
  return getAddress(`0x${keccak256(stringToBytes(`plenum-scale/${role}/${index}`)).slice(-40)}`);
}

// prettier-ignore
const firstNames = [
  "Ada", "Ravi", "Lena", "Tomás", "Mei", "Kwame", "Sofia", "Hiro", "Amara", "Lukas",
  "Priya", "Mateo", "Yuki", "Nadia", "Omar", "Ingrid", "Chen", "Fatima", "Jonas", "Aiko",
  "Diego", "Zara", "Pavel", "Leila", "Finn", "Anya", "Kofi", "Elena", "Arjun", "Noor",
  "Sven", "Imani", "Rafael", "Hana", "Tariq", "Maya", "Erik", "Sade", "Luca", "Ines",
] as const;
// prettier-ignore
const lastNames = [
  "Okafor", "Menon", "Fischer", "Rivera", "Chen", "Mensah", "Rossi", "Tanaka", "Diallo", "Becker",
  "Sharma", "Garcia", "Sato", "Haddad", "Khalil", "Larsen", "Wei", "Bello", "Novak", "Kimura",
  "Silva", "Ahmed", "Petrov", "Farah", "Murphy", "Volkova", "Owusu", "Costa", "Iyer", "Rahman",
  "Berg", "Nwosu", "Moreau", "Park", "Aziz", "Cohen", "Lund", "Adeyemi", "Bruno", "Duarte",
  "Kowalski", "Nakamura", "Osei", "Santos", "Lindqvist", "Mwangi", "Dubois", "Reyes", "Kaur", "Ito",
] as const;

export const focusAreaNames = [
  "GPU clusters",
  "Inference pricing",
  "Model safety",
  "Verified publishers",
  "Open models",
  "Grants",
  "Slashing",
  "Security",
  "SLA enforcement",
  "Treasury",
  "Training compute",
  "Latency",
  "Provider rewards",
  "Data privacy",
  "Governance process",
] as const;

const backgrounds = [
  "I run capacity planning for a GPU provider with clusters in three regions.",
  "Economist, formerly on a cloud pricing team; I model provider margins for a living.",
  "ML safety researcher; I review model licenses and reproduce published weights.",
  "Maintainer of an open-weight model family served on the network since launch.",
  "Security engineer who has run incident response for two compute marketplaces.",
  "Founder of a small inference startup that buys most of its compute here.",
  "Datacenter operator: power, cooling and the uptime numbers behind every SLA.",
  "Researcher in mechanism design; I have written about slashing markets since 2019.",
  "Community organiser for the provider guild, speaking for operators with under 50 GPUs.",
  "Treasury analyst; I read every grant's milestones before I vote on it.",
];
const principles = [
  "I vote for SLAs that users can rely on and that honest providers can meet.",
  "I oppose fee changes that arrive without a demand study attached.",
  "Every grant should have public deliverables, a cliff and a named reviewer.",
  "Slashing must deter fraud without punishing honest outages.",
  "Open models keep the network honest; I support subsidies that keep them cheap to serve.",
  "The security council should be able to stop an attack and do nothing else.",
  "I publish my reasoning with every vote, including the votes I lose.",
  "Parameter changes should move in small steps, with a review after each one.",
  "I will not vote for a treasury transfer without a budget line for audits.",
  "Latency targets should follow what the median provider already delivers.",
];
const commitments = [
  "I read every proposal in full and vote on all of them, or explain why I abstain.",
  "Ask me anything in the forum; I answer within a week.",
  "If I miss two votes in a row, I will step down and ask my delegators to redelegate.",
  "I hold office hours on the first Monday of each month.",
  "My votes and their reasons are mirrored on my forum profile.",
];

/** A delegate's statement: display name, markdown text of 200 to 1,500 characters, one to four focus areas. */
export function delegateProfile(index: number): { displayName: string; statement: string; focusAreas: string[] } {
  const seed = mix(index, 1);
  const displayName = `${firstNames[index % firstNames.length]} ${lastNames[Math.floor(index / firstNames.length) % lastNames.length]}`;
  const focusCount = 1 + (seed % 4);
  const focusAreas: string[] = [];
  for (let i = 0; focusAreas.length < focusCount; i++) {
    const area = pick(focusAreaNames, mix(index, 2, i));
    if (!focusAreas.includes(area)) focusAreas.push(area);
  }
  const paragraphs = [pick(backgrounds, mix(index, 3))];
  const principleCount = 1 + (mix(index, 4) % 6);
  const chosen = Array.from({ length: principleCount }, (_, i) => pick(principles, mix(index, 5, i)));
  paragraphs.push(`How I vote:\n\n${[...new Set(chosen)].map((line) => `- ${line}`).join("\n")}`);
  paragraphs.push(`Focus: ${focusAreas.join(", ")}.`);
  if (seed % 3 === 0) paragraphs.push(pick(commitments, mix(index, 6)));
  return { displayName, statement: paragraphs.join("\n\n"), focusAreas };
}

const reasons: Record<0 | 1 | 2, readonly string[]> = {
  0: [
    "Against: no demand study.",
    "The numbers in the specification do not add up; see my forum post.",
    "Providers in my region would serve at a loss after this change.",
    "Too large a step at once. Split it and I will support the first half.",
    "The treasury cannot sustain this without new income.",
    "No audit for a change of this size.",
    "This rewards the largest providers at the expense of everyone else.",
    "I asked for a rollback plan in the discussion and none was given.",
  ],
  1: [
    "For.",
    "Matches what our customers already demand.",
    "Clear milestones and a cliff. Good use of the treasury.",
    "My demand model shows less than 3% volume loss at this level.",
    "Load-tested on our cluster for two weeks; the new value holds.",
    "Small, reversible, well argued. Supporting.",
    "The open-model community asked for exactly this.",
    "This closes the gap the last incident report described.",
  ],
  2: [
    "Abstain: outside my focus.",
    "Abstaining to help quorum; I have no strong view.",
    "Waiting for the cost breakdown promised in the forum thread.",
    "Conflict of interest: my employer is named in the proposal.",
  ],
};
const reasonDetails = [
  "I discussed this with the providers who delegate to me and most of them agree.",
  "Happy to revisit in three months with real usage data.",
  "The forum thread has the full calculation, including the sensitivity analysis.",
  "This is consistent with how I voted on the last two proposals of this kind.",
];

/** A vote's reason, one sentence or two, in keeping with its support (0 against, 1 for, 2 abstain). */
export function voteReason(support: 0 | 1 | 2, seed: number): string {
  const reason = pick(reasons[support], seed);
  return (seed >>> 8) % 3 === 0 ? `${reason} ${pick(reasonDetails, seed >>> 12)}` : reason;
}

/** A proposal description with the sections of the seed's (and the builder's) template. */
export function proposalDescription(
  number: number,
  title: string,
  summary: string,
  specification: string,
  treasuryImpact: string,
): string {
  const seed = mix(number, 7);
  const rationale = Array.from({ length: 1 + (seed % 4) }, (_, i) => pick(principles, mix(number, 8, i)));
  return [
    `# SIP-${number}: ${title}`,
    "",
    "## Summary",
    summary,
    "",
    "## Motivation",
    ...rationale.map((line) => `- ${line}`),
    "",
    "## Technical specification",
    specification,
    "",
    "## Audit report",
    seed % 5 === 0
      ? `https://audits.plenum.example/sip-${number}.pdf`
      : "Not required: the change only calls existing, audited functions within their hard bounds.",
    "",
    "## Treasury impact",
    treasuryImpact,
    "",
    "## Discussion",
    `https://forum.plenum.example/t/sip-${number}`,
  ].join("\n");
}
