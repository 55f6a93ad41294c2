import { contracts } from "../contracts";
import { useTransaction } from "./use-transaction";

export type StatementInput = { displayName: string; statement: string; focusAreas: string[] };

/** Publish or update the connected account's delegate statement. */
export function usePublishStatement() {
  const transaction = useTransaction();
  const publish = ({ displayName, statement, focusAreas }: StatementInput) =>
    transaction.run({
      ...contracts.delegateStatements,
      functionName: "publishStatement",
      args: [displayName, statement, focusAreas],
    });
  return { ...transaction, publish };
}
