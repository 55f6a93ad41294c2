import { multicall } from "viem/actions";
import { contracts } from "../contracts";
import { useChainQuery } from "./use-chain-query";

const { modelRegistry } = contracts;

/** Every publisher the model registry knows (verified or revoked) and every model, for pickers. */
export function useRegistry() {
  return useChainQuery(["registry"], async (client) => {
    const [publishers, modelCount] = await multicall(client, {
      allowFailure: false,
      contracts: [
        { ...modelRegistry, functionName: "publishers" },
        { ...modelRegistry, functionName: "modelCount" },
      ],
    });
    const ids = Array.from({ length: Number(modelCount) }, (_, i) => BigInt(i + 1));
    const [infos, models] = await Promise.all([
      multicall(client, {
        allowFailure: false,
        contracts: publishers.map(
          (publisher) => ({ ...modelRegistry, functionName: "publisherInfo", args: [publisher] }) as const,
        ),
      }),
      multicall(client, {
        allowFailure: false,
        contracts: ids.map((id) => ({ ...modelRegistry, functionName: "getModel", args: [id] }) as const),
      }),
    ]);
    return {
      publishers: publishers.map((address, i) => ({ address, name: infos[i].name, verified: infos[i].verified })),
      models: models.map((model, i) => ({
        id: ids[i],
        name: model.name,
        publisher: model.publisher,
        delisted: model.delisted,
      })),
      modelCount,
    };
  });
}
