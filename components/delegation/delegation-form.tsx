"use client";

import { useId, useState } from "react";
import { isAddressEqual, zeroAddress, type Address } from "viem";
import { useBytecode } from "wagmi";
import { SponsoredButton } from "@/components/transaction/sponsored-button";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import { formatTokens, shortAddress } from "@/lib/format";
import { parseDelegateeInput } from "@/lib/governance/delegation";
import { isContractWallet } from "@/lib/relay/typed-data";
import { useDelegationPreview } from "@/lib/hooks/use-account-summary";
import { useDelegateVotes } from "@/lib/hooks/use-delegate-votes";
import { PowerChangeLines } from "./power-change";

/**
 * Delegate the connected account's votes: to itself in one click, to a typed address, or nowhere (remove). Each
 * choice shows the voting power it moves, before → after, from chain reads.
 */
export function DelegationForm({
  account,
  balance,
  delegate,
}: {
  account: Address;
  balance: bigint;
  delegate: Address | undefined;
}) {
  const transaction = useDelegateVotes();
  const [input, setInput] = useState("");
  const [showInputError, setShowInputError] = useState(false);
  const [successText, setSuccessText] = useState("");
  const inputId = useId();
  const parsed = parseDelegateeInput(input);
  const typed = parsed.ok ? parsed.address : undefined;
  const self = useDelegationPreview(account);
  const other = useDelegationPreview(typed);
  const remove = useDelegationPreview(delegate ? zeroAddress : undefined);
  const selfDelegated = delegate !== undefined && isAddressEqual(delegate, account);
  const typedIsDelegate = Boolean(typed && delegate && isAddressEqual(typed, delegate));
  const contractWallet = isContractWallet(useBytecode({ address: account }).data);

  // One switch prompt for the whole form rather than one per button: nothing can be sent from another chain.
  if (transaction.wrongChain) {
    return (
      <div className="space-y-1" data-testid="delegation-form">
        <p className="text-slate-700">To delegate, your wallet must be on {transaction.appChain.name}.</p>
        <TransactionButton transaction={transaction} onClick={() => undefined}>
          Delegate
        </TransactionButton>
      </div>
    );
  }

  const send = async (to: Address, text: string, sponsored = false) => {
    setSuccessText(text);
    return sponsored ? transaction.delegateSponsored(to) : transaction.delegate(to);
  };
  const submitTyped = async (sponsored = false) => {
    if (!parsed.ok) {
      setShowInputError(true);
      return;
    }
    const sent = await send(parsed.address, `Your votes are now delegated to ${parsed.address}`, sponsored);
    if (sent) {
      setInput("");
      setShowInputError(false);
    }
  };
  const inputError = showInputError && !parsed.ok ? parsed.error : undefined;
  // The gas-free twin of a delegation button; none for a contract wallet (delegateBySig needs a key's signature).
  const sponsored = (button: { disabled: boolean; onClick: () => void; testId: string; children: string }) =>
    !contractWallet && (
      <SponsoredButton transaction={transaction} kind="delegation" account={account} power={balance} {...button} />
    );

  return (
    <div className="space-y-4 rounded-md border border-indigo-200 bg-white p-3" data-testid="delegation-form">
      <div className="space-y-1">
        <h3 className="font-semibold text-slate-900">{delegate ? "Change your delegation" : "Delegate your votes"}</h3>
        <p className="text-slate-600">
          PLM do not vote until they are delegated: to yourself, to vote directly, or to another address that votes for
          you. Delegating moves voting power, never tokens: you keep your PLM and can change this at any time. Proposals
          already open count the power delegated before their snapshot.
        </p>
        {balance === 0n && (
          <p className="text-slate-600">You hold no PLM now: the delegation applies to the tokens you receive later.</p>
        )}
      </div>

      {contractWallet && (
        <p className="text-xs text-slate-600" data-testid="sponsored-delegation-eoa-only">
          Gas-free delegation is for ordinary accounts only: the token&apos;s delegateBySig checks a private key&apos;s
          signature, which a contract wallet such as a Safe does not have. Delegate with a transaction instead.
        </p>
      )}

      <div className="space-y-1" data-testid="delegate-self-option">
        <div className="flex flex-wrap items-start gap-2">
          <TransactionButton
            transaction={transaction}
            onClick={() => void send(account, "Your votes are now delegated to yourself")}
            disabledReason={selfDelegated ? "You already delegate to yourself." : undefined}
            testId="delegate-self"
          >
            Delegate to myself
          </TransactionButton>
          {sponsored({
            disabled: selfDelegated,
            onClick: () => void send(account, "Your votes are now delegated to yourself", true),
            testId: "delegate-self-sponsored",
            children: "Delegate to myself without gas (sponsored by the DAO)",
          })}
        </div>
        {!selfDelegated && <PowerChangeLines {...self} testId="delegate-self-preview" />}
      </div>

      <form
        className="space-y-1"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submitTyped();
        }}
      >
        <label htmlFor={inputId} className="block font-medium text-slate-800">
          Or delegate to another address
        </label>
        <input
          id={inputId}
          data-testid="delegatee-input"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          placeholder="0x… address (ENS names are not supported)"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={inputError ? true : undefined}
          aria-describedby={`${inputId}-help`}
          className={`w-full rounded-lg border p-2 font-mono text-xs ${inputError ? "border-red-500" : "border-slate-300"}`}
        />
        {inputError ? (
          <p id={`${inputId}-help`} role="alert" className="text-xs text-red-800" data-testid="delegatee-error">
            {inputError}
          </p>
        ) : typed ? (
          <p id={`${inputId}-help`} className="text-xs text-slate-600">
            Delegate to{" "}
            <span className="font-mono break-all" data-testid="delegatee-checksummed">
              {typed}
            </span>
          </p>
        ) : (
          <p id={`${inputId}-help`} className="text-xs text-slate-600">
            Paste the 0x address (lowercase is fine). ENS names are not resolved: look the address up first.
          </p>
        )}
        {typed && <PowerChangeLines {...other} testId="delegate-other-preview" />}
        <div className="flex flex-wrap items-start gap-2">
          <TransactionButton
            transaction={transaction}
            onClick={() => void submitTyped()}
            disabledReason={typedIsDelegate ? "You already delegate to this address." : undefined}
            tone="plain"
            testId="delegate-to-address"
          >
            {typed ? `Delegate to ${shortAddress(typed)}` : "Delegate to this address"}
          </TransactionButton>
          {sponsored({
            disabled: !typed || typedIsDelegate,
            onClick: () => void submitTyped(true),
            testId: "delegate-to-address-sponsored",
            children: "Without gas (sponsored by the DAO)",
          })}
        </div>
      </form>

      {delegate && (
        <div className="space-y-1" data-testid="remove-delegation-option">
          <p className="text-slate-600">
            Removing your delegation takes your {formatTokens(balance)} PLM out of every count: they then vote for no
            one, yourself included, until you delegate again.
          </p>
          <PowerChangeLines {...remove} testId="remove-delegation-preview" />
          <TransactionButton
            transaction={transaction}
            onClick={() => void send(zeroAddress, "Your delegation was removed: your tokens do not vote")}
            tone="danger"
            testId="remove-delegation"
          >
            Remove delegation
          </TransactionButton>
        </div>
      )}

      <TransactionStatusLine status={transaction.status} successText={successText} />
    </div>
  );
}
