/** Publishers and models (ModelRegistry): verify or revoke a publisher, delist a model. */
import { encodeFunctionData, type Address } from "viem";
import { modelRegistryAbi } from "../../contracts/abis.generated";
import { call } from "./calls";
import { checkAddress, checkText, trim } from "./field-checks";
import { contractLimits } from "./limits";
import type { Definitions, FieldError, TemplateAddresses } from "./types";

export type ModelRegistryInputs = {
  /** ModelRegistry.setPublisher(publisher, true, name). */
  verifyPublisher: { publisher: Address; name: string };
  /** ModelRegistry.setPublisher(publisher, false, name): the contract needs a name here too (keep the current one). */
  revokePublisher: { publisher: Address; name: string };
  /** ModelRegistry.delistModel(modelId, reason). */
  delistModel: { modelId: bigint; reason: string };
};

export const modelRegistryTemplates: Definitions<ModelRegistryInputs> = {
  verifyPublisher: {
    title: "Verify a model publisher",
    validate: ({ publisher, name }) => validatePublisher(publisher, name),
    encode: ({ publisher, name }, addresses) => [setPublisher(addresses, publisher, true, name)],
  },

  revokePublisher: {
    title: "Revoke a model publisher",
    validate: ({ publisher, name }) => validatePublisher(publisher, name),
    encode: ({ publisher, name }, addresses) => [setPublisher(addresses, publisher, false, name)],
  },

  delistModel: {
    title: "Delist a model",
    validate: ({ modelId, reason }, { modelCount }) => {
      const errors: FieldError[] = [];
      if (modelId < 1n)
        errors.push({ field: "modelId", message: "Model ids start at 1 (ModelRegistry: UnknownModel)" });
      else if (modelCount !== undefined && modelId > modelCount) {
        errors.push({
          field: "modelId",
          message: `There is no model #${modelId}: the registry holds models #1 to #${modelCount} (UnknownModel)`,
        });
      }
      if (reason.trim() === "") errors.push({ field: "reason", message: "Give a reason: it is recorded on chain" });
      return errors;
    },
    encode: ({ modelId, reason }, addresses) => [
      call(
        addresses.modelRegistry,
        encodeFunctionData({ abi: modelRegistryAbi, functionName: "delistModel", args: [modelId, trim(reason)] }),
      ),
    ],
  },
};

function validatePublisher(publisher: Address, name: string): FieldError[] {
  const errors: FieldError[] = [];
  checkAddress(errors, "publisher", publisher, "publisher");
  checkText(errors, "name", name, "publisher name", contractLimits.publisherNameBytes, "ModelRegistry");
  return errors;
}

function setPublisher(addresses: TemplateAddresses, publisher: Address, verified: boolean, name: string) {
  return call(
    addresses.modelRegistry,
    encodeFunctionData({
      abi: modelRegistryAbi,
      functionName: "setPublisher",
      args: [publisher, verified, trim(name)],
    }),
  );
}
