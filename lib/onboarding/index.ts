export * from "./steps";
export { assertStepReached } from "./assert-step-reached";
export { advanceMembership } from "./advance-membership";
export { getMembership, listMemberships } from "./get-membership";
