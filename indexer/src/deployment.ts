import { indexerSettings } from "../settings";

/** The deployment this indexer follows. */
export const { deployment } = indexerSettings(process.env);
