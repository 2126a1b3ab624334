"""Users, roles, the access policy, the access log and the audit trail."""
