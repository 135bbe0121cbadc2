"""Organisations, people, their roles and their platform identities."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base


class OrganisationRow(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(Text)
    eap_contact: Mapped[str] = mapped_column(Text, default="")
    # The channels' workspaces it serves: [{"channel": ..., "workspace": ...}, ...].
    memberships: Mapped[list[Any]]


class PersonRow(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    # The email folded to lower case: what uniqueness and look-ups use.
    email_key: Mapped[str] = mapped_column(String(320), unique=True, index=True)
    name: Mapped[str] = mapped_column(Text)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    timezone: Mapped[str] = mapped_column(String(64))
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    job_title: Mapped[str] = mapped_column(Text, default="")
    directorate: Mapped[str] = mapped_column(Text, default="")
    erased: Mapped[bool] = mapped_column(default=False)

    roles: Mapped[list[PersonRoleRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="PersonRoleRow.role"
    )


class PersonRoleRow(Base):
    """One role of one person; a table rather than a list so people can be listed by role."""

    __tablename__ = "person_roles"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)


class IdentityRow(Base):
    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("channel", "workspace", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    workspace: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[str] = mapped_column(String(255))
    conversation_ref: Mapped[dict[str, str]]
