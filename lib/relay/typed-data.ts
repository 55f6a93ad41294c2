import type { Address, Hex } from "viem";

/** What an EIP-712 domain read from a contract's `eip712Domain()` holds (EIP-5267). */
export type Eip712Domain = { name: string; version: string; chainId: number; verifyingContract: Address };

/** `eip712Domain()`'s return values, as viem reads them. */
export function domainFromEip5267([, name, version, chainId, verifyingContract]: readonly [
  Hex,
  string,
  string,
  bigint,
  Address,
  Hex,
  readonly bigint[],
]): Eip712Domain {
  return { name, version, chainId: Number(chainId), verifyingContract };
}

/** OpenZeppelin Governor's `ExtendedBallot`: a vote with its reason and params, the voter and nonce inside the digest. */
export const extendedBallotTypes = {
  ExtendedBallot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "reason", type: "string" },
    { name: "params", type: "bytes" },
  ],
} as const;

export type ExtendedBallot = {
  proposalId: bigint;
  support: number;
  voter: Address;
  nonce: bigint;
  reason: string;
  params: Hex;
};

export function extendedBallotTypedData(domain: Eip712Domain, ballot: ExtendedBallot) {
  return { domain, types: extendedBallotTypes, primaryType: "ExtendedBallot", message: ballot } as const;
}

/** OpenZeppelin Votes' `Delegation`, signed by the delegator (an EOA: `delegateBySig` recovers with ECDSA). */
export const delegationTypes = {
  Delegation: [
    { name: "delegatee", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "expiry", type: "uint256" },
  ],
} as const;

export type Delegation = { delegatee: Address; nonce: bigint; expiry: bigint };

export function delegationTypedData(domain: Eip712Domain, delegation: Delegation) {
  return { domain, types: delegationTypes, primaryType: "Delegation", message: delegation } as const;
}

/**
 * Whether an account with this code is a contract wallet, which cannot sign a Delegation (delegateBySig recovers an
 * ECDSA key). An EIP-7702 account (code 0xef0100 + address) is still an EOA with its key.
 */
export function isContractWallet(code: Hex | undefined): boolean {
  return Boolean(code && code !== "0x" && !code.startsWith("0xef0100"));
}
