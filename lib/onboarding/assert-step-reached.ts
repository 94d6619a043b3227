import { AppError } from "@/lib/errors";
import type { OnboardingStatus } from "@/lib/db/schema/memberships";
import { getOnboardingProgress, requiredSteps, statusIndex, type OnboardingStep, type RoleSettings } from "./steps";

/**
 * Pages and actions of a step call this: a member may open a step only when
 * every earlier required step is done. Steps the role does not require are
 * NOT_FOUND for that member.
 */
export function assertStepReached(status: OnboardingStatus, role: RoleSettings, step: OnboardingStep): void {
  if (!requiredSteps(role).includes(step)) throw new AppError("NOT_FOUND", "step not required for this role");
  const { steps } = getOnboardingProgress(status, role);
  const missing = steps.find((s) => statusIndex(s.step) < statusIndex(step) && s.state !== "done");
  if (missing) throw new AppError("STEP_NOT_REACHED", "earlier step missing", { params: { step: missing.step } });
}
