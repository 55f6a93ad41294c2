import { encodeFunctionData, keccak256, toHex } from "viem";
import { describe, expect, it } from "vitest";
import { networkParametersAbi } from "../contracts/abis.generated";
import { operationStateNames, timelockOperationId, timelockSalt } from "./timelock-operation";

const governor = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const descriptionHash = keccak256(toHex("# A proposal"));

describe("timelock operation", () => {
  it("salts with the governor's address in the high 20 bytes, XORed with the description hash", () => {
    const salt = timelockSalt(governor, descriptionHash);
    expect(salt).toHaveLength(66);
    // The low 12 bytes are the description hash's, untouched by the 20-byte address.
    expect(salt.slice(42)).toBe(descriptionHash.slice(42));
    // XOR with the address again gives back the description hash's high 20 bytes.
    const high = BigInt(salt.slice(0, 42)) ^ BigInt(governor);
    expect(high.toString(16).padStart(40, "0")).toBe(descriptionHash.slice(2, 42));
  });

  it("matches TimelockController.hashOperationBatch (value read from the deployed contract)", () => {
    const calldata = encodeFunctionData({
      abi: networkParametersAbi,
      functionName: "setParameter",
      args: ["0x6d61784c6174656e637900000000000000000000000000000000000000000000", 600n],
    });
    const actions = [{ target: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9" as const, value: 0n, calldata }];
    const id = timelockOperationId(actions, governor, descriptionHash);
    expect(id).toBe("0x08717ab42ec7145c22c6c7a0704b3d25a0e704655361c9dfc4752cc713c25f13");
    // A different description gives a different operation, as the salt differs.
    expect(timelockOperationId(actions, governor, keccak256(toHex("other")))).not.toBe(id);
    expect(operationStateNames[2]).toBe("Ready");
  });
});
