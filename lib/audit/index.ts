export { appendAuditEntry, type AppendAuditOptions } from "./append-audit-entry";
export { verifyAuditChain, type AuditChainResult } from "./verify-audit-chain";
