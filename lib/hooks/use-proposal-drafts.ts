import { useCallback } from "react";
import {
  parseStoredDrafts,
  readDraft,
  toStored,
  type ProposalDraft,
  type StoredDraft,
} from "../governance/proposal-drafts";
import { useLocalDraft } from "./use-local-draft";

const NO_DRAFTS: StoredDraft[] = [];

/**
 * Every proposal draft of this browser, newest first, kept in localStorage on every change: a draft survives a
 * reload, a failed submit and a closed tab until it is submitted or deleted.
 */
export function useProposalDrafts() {
  const stored = useLocalDraft("plenum:proposal-drafts", NO_DRAFTS, parseStoredDrafts);
  const { value, update } = stored;
  const save = useCallback(
    (draft: ProposalDraft) => update([toStored(draft), ...value.filter((other) => other.id !== draft.id)]),
    [update, value],
  );
  const remove = useCallback((id: string) => update(value.filter((draft) => draft.id !== id)), [update, value]);
  return { drafts: value.map(readDraft), loaded: stored.loaded, save, remove };
}
