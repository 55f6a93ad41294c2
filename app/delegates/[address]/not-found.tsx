import Link from "next/link";

export default function DelegateNotFound() {
  return (
    <div className="space-y-3 py-12 text-center">
      <h1 className="text-2xl font-semibold">Not an address</h1>
      <p className="text-slate-600">
        A delegate profile lives at /delegates/0x… followed by a 40-character hex address.
      </p>
      <Link href="/delegates" className="inline-block text-indigo-700 underline">
        Back to the delegates
      </Link>
    </div>
  );
}
