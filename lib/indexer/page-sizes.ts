/** Rows per page of the indexer's paged lists, shared by the server render's first page and the browser's next ones. */
export const pageSizes = { proposalVotes: 50, delegates: 20, delegateVotes: 20, delegators: 50, turnout: 100 } as const;
