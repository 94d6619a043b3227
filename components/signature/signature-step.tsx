"use client";

import { useRouter } from "next/navigation";
import { saveSignatureAction } from "@/app/(onboarding)/actions";
import { SignaturePadForm } from "./signature-pad";

/** The pad wired to the save action; afterwards the user goes on to `next`. */
export function SignatureStep({ next }: { next: string }) {
  const router = useRouter();
  return <SignaturePadForm save={(form) => saveSignatureAction(null, form)} onSaved={() => router.push(next)} />;
}
