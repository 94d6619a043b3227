import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertStepReached } from "./assert-step-reached";
import { getOnboardingProgress, requiredSteps, statusBefore } from "./steps";

const paidVerified = { priceFen: 30000, requiresIdentity: true };
const freeVerified = { priceFen: 0, requiresIdentity: true };
const staff = { priceFen: 0, requiresIdentity: false };

describe("onboarding steps", () => {
  it("derives the required steps from the role's settings", () => {
    expect(requiredSteps(paidVerified)).toEqual(["identity_verified", "paid", "certified", "signature_ready"]);
    expect(requiredSteps(freeVerified)).toEqual(["identity_verified", "certified", "signature_ready"]);
    expect(requiredSteps(staff)).toEqual(["certified", "signature_ready"]);
  });

  it("routes a new member to the first step they owe", () => {
    expect(getOnboardingProgress("registered", paidVerified).next).toBe("identity_verified");
    expect(getOnboardingProgress("registered", staff).next).toBe("certified");
    expect(getOnboardingProgress("identity_verified", paidVerified).next).toBe("paid");
    expect(getOnboardingProgress("identity_verified", freeVerified).next).toBe("certified");
    expect(getOnboardingProgress("signature_ready", staff).next).toBeNull();
  });

  it("marks done, current and pending steps", () => {
    const p = getOnboardingProgress("identity_verified", paidVerified);
    expect(p.steps.map((s) => s.state)).toEqual(["done", "current", "pending", "pending"]);
  });

  it("knows the status a step must start from", () => {
    expect(statusBefore("certified", staff)).toBe("registered");
    expect(statusBefore("certified", freeVerified)).toBe("identity_verified");
    expect(statusBefore("certified", paidVerified)).toBe("paid");
  });

  it("refuses a later step to a member who has not reached it", () => {
    expect(() => assertStepReached("registered", paidVerified, "paid")).toThrow(AppError);
    try {
      assertStepReached("registered", paidVerified, "certified");
    } catch (e) {
      expect((e as AppError).code).toBe("STEP_NOT_REACHED");
      expect((e as AppError).params.step).toBe("identity_verified");
    }
    expect(() => assertStepReached("registered", paidVerified, "identity_verified")).not.toThrow();
    expect(() => assertStepReached("paid", paidVerified, "certified")).not.toThrow();
  });

  it("a step the role does not require does not exist for that member", () => {
    expect(() => assertStepReached("registered", staff, "paid")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });
});
