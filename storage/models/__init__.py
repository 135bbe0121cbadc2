"""SQLAlchemy models of the whole domain; importing this package registers every table."""

from storage.models.audit import AuditRow
from storage.models.base import Base
from storage.models.coaches import AvailabilityExceptionRow, CoachRow, WeeklySlotRow
from storage.models.console import ConsoleMessageRow, ConsoleOfferRow
from storage.models.conversations import ConversationRow
from storage.models.events import ProcessedEventRow
from storage.models.feedback import EvaluationRow, FeedbackRow
from storage.models.hours import PersonHoursRow
from storage.models.outbox import OutboxRow
from storage.models.people import IdentityRow, OrganisationRow, PersonRoleRow, PersonRow
from storage.models.programmes import ProgrammeRow
from storage.models.requests import RequestRow, ShortlistEntryRow
from storage.models.revisions import PoolRevisionRow
from storage.models.sessions import EngagementRow, SessionRow
from storage.models.slack import SlackWorkspaceRow

__all__ = [
    "AuditRow",
    "AvailabilityExceptionRow",
    "Base",
    "CoachRow",
    "ConsoleMessageRow",
    "ConsoleOfferRow",
    "ConversationRow",
    "EngagementRow",
    "EvaluationRow",
    "FeedbackRow",
    "IdentityRow",
    "OrganisationRow",
    "OutboxRow",
    "PersonHoursRow",
    "PersonRoleRow",
    "PersonRow",
    "PoolRevisionRow",
    "ProcessedEventRow",
    "ProgrammeRow",
    "RequestRow",
    "SessionRow",
    "ShortlistEntryRow",
    "SlackWorkspaceRow",
    "WeeklySlotRow",
]
