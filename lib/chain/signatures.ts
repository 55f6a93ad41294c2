import {
  BaseError,
  HttpRequestError,
  isAddressEqual,
  recoverTypedDataAddress,
  TimeoutError,
  type Address,
  type Hex,
  type PublicClient,
  type TypedDataDefinition,
} from "viem";

/** The node did not answer (as opposed to answering no): the request may be retried, nothing is the signer's fault. */
export function isTransportError(error: unknown): boolean {
  return (
    error instanceof BaseError &&
    Boolean(error.walk((cause) => cause instanceof HttpRequestError || cause instanceof TimeoutError))
  );
}

/**
 * Whether `signature` over `typedData` is `signer`'s. A key's signature is recovered here, without a request; anything
 * else is asked of the chain at `blockNumber`, where a contract wallet (ERC-1271) answers for its state then. A node
 * that does not answer throws rather than calling the signature invalid.
 */
export async function typedDataSigned(
  client: PublicClient,
  {
    signer,
    signature,
    typedData,
    blockNumber,
  }: {
    signer: Address;
    signature: Hex;
    typedData: TypedDataDefinition;
    blockNumber: bigint;
  },
): Promise<boolean> {
  const recovered = await recoverTypedDataAddress({ ...typedData, signature }).catch(() => undefined);
  if (recovered && isAddressEqual(recovered, signer)) return true;
  return client.verifyTypedData({ address: signer, signature, ...typedData, blockNumber }).catch((error: unknown) => {
    if (isTransportError(error)) throw error;
    return false;
  });
}
