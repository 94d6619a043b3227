export * from "./audit";
export * from "./memberships";
export * from "./projects";
export * from "./sms";
export * from "./users";
export * from "./signatures";
export * from "./pki";
export * from "./envelopes";
