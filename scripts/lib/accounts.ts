/** Which anvil account (index of the default mnemonic) plays which part in the local demo DAO. */
export const localRoles = {
  deployer: 0,
  delegates: [1, 2, 3, 4, 5],
  panel: [6, 7, 8],
  guardian: 9,
  holders: [10, 11, 12, 13, 14, 15, 16, 17],
  publishers: [18, 19, 20],
  /** Pays for gasless votes and delegations: the app's RELAYER_PRIVATE_KEY in the demo and the browser tests. */
  sponsor: 21,
} as const;
