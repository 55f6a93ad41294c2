import { config } from "../config";
import { contractsFor, namedContractsFor } from "./bindings";

/** The app's contracts: those of the configured deployment. */
export const contracts = contractsFor(config.deployment);

/** The app's contracts with the names their Solidity sources give them. */
export const namedContracts = namedContractsFor(contracts);
