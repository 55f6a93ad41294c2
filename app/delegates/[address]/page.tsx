import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAddress, isAddress } from "viem";
import { shortAddress } from "@/lib/format";
import { DelegateProfileView } from "./_components/delegate-profile";

type Props = { params: Promise<{ address: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { address } = await params;
  return { title: isAddress(address, { strict: false }) ? `Delegate ${shortAddress(address)}` : "Not found" };
}

export default async function DelegatePage({ params }: Props) {
  const { address } = await params;
  if (!isAddress(address, { strict: false })) notFound();
  return <DelegateProfileView address={getAddress(address)} />;
}
