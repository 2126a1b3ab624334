from casework.accounts.models.logs import AccessLog, AuditAction, AuditEntry
from casework.accounts.models.throttle import LoginFailure
from casework.accounts.models.user import User

__all__ = ["AccessLog", "AuditAction", "AuditEntry", "LoginFailure", "User"]
