import { encodeFunctionData, keccak256, toHex, zeroHash } from "viem";
import { describe, expect, it } from "vitest";
import { networkParametersAbi } from "../contracts/abis.generated";
import { formatTimestamp } from "../format";
import {
  describeCancellers,
  describeChallengeWindow,
  describeExecutors,
  describeFreeze,
  operationStateNames,
  timelockOperationId,
  timelockPredecessor,
  timelockSalt,
  timelockStatus,
} from "./timelock-operation";

const governor = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const descriptionHash = keccak256(toHex("# A proposal"));

describe("timelock salt", () => {
  it("is bytes20(governor) ^ descriptionHash: the address fills the high 20 bytes", () => {
    // XOR with zero leaves bytes20(governor), left-aligned in the bytes32 as Solidity converts it.
    expect(timelockSalt(governor, zeroHash)).toBe("0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0000000000000000000000000");
    // XOR with all ones flips the address bytes and leaves the low 12 bytes all ones.
    expect(timelockSalt(governor, `0x${"f".repeat(64)}`)).toBe(
      "0x601b98c99862d2659a0f66d0dd8d2160c380591fffffffffffffffffffffffff",
    );
  });

  it("keeps the description hash's low 12 bytes, and gives its high 20 bytes back when XORed again", () => {
    const salt = timelockSalt(governor, descriptionHash);
    expect(salt).toHaveLength(66);
    expect(salt.slice(42)).toBe(descriptionHash.slice(42));
    const high = BigInt(salt.slice(0, 42)) ^ BigInt(governor);
    expect(high.toString(16).padStart(40, "0")).toBe(descriptionHash.slice(2, 42));
  });

  it("differs per governor: the same description under another governor is another operation", () => {
    expect(timelockSalt("0x0000000000000000000000000000000000000001", descriptionHash)).not.toBe(
      timelockSalt(governor, descriptionHash),
    );
  });
});

describe("timelock operation id", () => {
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
    expect(timelockPredecessor).toBe(zeroHash);
    expect(operationStateNames[2]).toBe("Ready");
  });
});

describe("timelock status", () => {
  it("is the timelock's own state, except a queued then canceled proposal, which the timelock reads as Unset", () => {
    expect(timelockStatus("Waiting", "Queued", true)).toBe("Waiting");
    expect(timelockStatus("Ready", "Queued", true)).toBe("Ready");
    expect(timelockStatus("Done", "Executed", true)).toBe("Done");
    expect(timelockStatus("Unset", "Canceled", true)).toBe("Canceled");
    // Canceled before it was ever queued: there never was an operation.
    expect(timelockStatus("Unset", "Canceled", false)).toBe("Unset");
    expect(timelockStatus("Unset", "Active", false)).toBe("Unset");
  });
});

describe("role holders in words", () => {
  const none = { governor: false, guardian: false, anyone: false };

  it("names the governor as the only executor and canceller, as the deployment wires it", () => {
    expect(describeExecutors({ ...none, governor: true })).toBe(
      "Execute: through the governor (anyone may call execute once ready)",
    );
    expect(describeCancellers({ ...none, governor: true })).toBe(
      "Cancel: the governor (proposer while pending, the guardian before execution, the dispute module on an upheld dispute)",
    );
  });

  it("names an open role or a guardian holding a role directly, and says when nobody holds it", () => {
    expect(describeExecutors({ governor: true, guardian: false, anyone: true })).toBe(
      "Execute: through the governor (anyone may call execute once ready); " +
        "anyone, directly on the timelock once ready (around the governor's dispute freeze)",
    );
    expect(describeCancellers({ ...none, guardian: true })).toBe("Cancel: the guardian, directly on the timelock");
    expect(describeExecutors(none)).toBe("Execute: nobody among the governor, the guardian and the open role");
  });
});

describe("challenge window and freeze in words", () => {
  it("states the window up to the ETA", () => {
    expect(describeChallengeWindow(1_800_000_000n)).toBe(
      `Anyone may file a bonded dispute until the ETA, ${formatTimestamp(1_800_000_000n)}.`,
    );
  });

  it("states the freeze until the ruling or the deadline, and what to do once the deadline passed", () => {
    expect(describeFreeze(3n, 1_800_000_000n, 1_700_000_000n)).toBe(
      `Execution is frozen by dispute #3 until the panel rules, at the latest ${formatTimestamp(1_800_000_000n)}.`,
    );
    expect(describeFreeze(3n, 1_800_000_000n, undefined)).toContain("until the panel rules");
    expect(describeFreeze(3n, 1_800_000_000n, 1_800_000_000n)).toContain("anyone may resolve it as timed out");
  });
});
