import { ONBOARDING_STATUSES, type OnboardingStatus } from "@/lib/db/schema/memberships";

/** The steps a member may owe after registering, in the order they must be done. */
export type OnboardingStep = Exclude<OnboardingStatus, "registered">;

export interface RoleSettings {
  priceFen: number;
  requiresIdentity: boolean;
}

// Which steps the product can actually perform yet. A step that is required
// but not built is shown as "coming soon" and blocks the member there — it is
// never marked done on their behalf.
export const BUILT_STEPS: ReadonlySet<OnboardingStep> = new Set<OnboardingStep>(["identity_verified", "certified", "signature_ready"]);

/** The steps this role requires, in order. */
export function requiredSteps(role: RoleSettings): OnboardingStep[] {
  const steps: OnboardingStep[] = [];
  if (role.requiresIdentity) steps.push("identity_verified");
  if (role.priceFen > 0) steps.push("paid");
  steps.push("certified", "signature_ready");
  return steps;
}

export function statusIndex(status: OnboardingStatus): number {
  return ONBOARDING_STATUSES.indexOf(status);
}

export function isStep(value: string): value is OnboardingStep {
  return value !== "registered" && (ONBOARDING_STATUSES as readonly string[]).includes(value);
}

export interface OnboardingProgress {
  steps: { step: OnboardingStep; state: "done" | "current" | "pending"; available: boolean }[];
  next: OnboardingStep | null;
}

/** A step is done when the membership's status has reached it. */
export function getOnboardingProgress(status: OnboardingStatus, role: RoleSettings): OnboardingProgress {
  const reached = statusIndex(status);
  let next: OnboardingStep | null = null;
  const steps = requiredSteps(role).map((step) => {
    if (statusIndex(step) <= reached) return { step, state: "done" as const, available: BUILT_STEPS.has(step) };
    const state = next === null ? ("current" as const) : ("pending" as const);
    next ??= step;
    return { step, state, available: BUILT_STEPS.has(step) };
  });
  return { steps, next };
}

/** The status a membership must have right before `step` can be completed. */
export function statusBefore(step: OnboardingStep, role: RoleSettings): OnboardingStatus {
  const steps = requiredSteps(role);
  const i = steps.indexOf(step);
  return i <= 0 ? "registered" : steps[i - 1]!;
}
