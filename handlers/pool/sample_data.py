"""The demo pool's organisations, programmes and non-coach people, modelled on the West Midlands
Employers coaching pool. Names, emails and phone numbers are invented; the coaches are in
`sample_coaches`.

West Midlands Employers hosts the pool: it is an organisation in the store (its coordinators
need one) but not one of the 12 member organisations that give and receive coaching.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.coaches import Accreditation
from bot.domain.people import Role
from bot.domain.programmes import Programme

DEMO_COACHEE_EMAIL = "sam.patel@dudley.gov.uk"
DEMO_COORDINATOR_EMAIL = "coordinator@wmemployers.org.uk"


@dataclass(frozen=True)
class SampleOrganisation:
    slug: str
    name: str
    domain: str
    town: str
    # The last three digits of its (invented) 0800 000 xxx employee assistance line.
    eap_line: int

    @property
    def eap_contact(self) -> str:
        return (
            f"Employee Assistance Programme: 0800 000 {self.eap_line:03d} "
            "(24 hours, free and confidential), or your HR advisor"
        )


@dataclass(frozen=True)
class SamplePerson:
    """Someone in the pool who is not a coach. `email` is derived from the name unless given."""

    name: str
    organisation: str
    role: Role
    job_title: str = ""
    directorate: str = ""
    email: str = ""
    manager_email: str = ""


HOST = SampleOrganisation(
    "wm-employers", "West Midlands Employers", "wmemployers.org.uk", "Birmingham", 100
)

MEMBER_ORGANISATIONS = (
    SampleOrganisation(
        "birmingham", "Birmingham City Council", "birmingham.gov.uk", "Birmingham", 101
    ),
    SampleOrganisation("coventry", "Coventry City Council", "coventry.gov.uk", "Coventry", 102),
    SampleOrganisation(
        "dudley", "Dudley Metropolitan Borough Council", "dudley.gov.uk", "Dudley", 103
    ),
    SampleOrganisation(
        "sandwell", "Sandwell Metropolitan Borough Council", "sandwell.gov.uk", "Oldbury", 104
    ),
    SampleOrganisation(
        "solihull", "Solihull Metropolitan Borough Council", "solihull.gov.uk", "Solihull", 105
    ),
    SampleOrganisation("walsall", "Walsall Council", "walsall.gov.uk", "Walsall", 106),
    SampleOrganisation(
        "wolverhampton",
        "City of Wolverhampton Council",
        "wolverhampton.gov.uk",
        "Wolverhampton",
        107,
    ),
    SampleOrganisation(
        "worcestershire", "Worcestershire County Council", "worcestershire.gov.uk", "Worcester", 108
    ),
    SampleOrganisation("shropshire", "Shropshire Council", "shropshire.gov.uk", "Shrewsbury", 109),
    SampleOrganisation(
        "staffordshire", "Staffordshire County Council", "staffordshire.gov.uk", "Stafford", 110
    ),
    SampleOrganisation(
        "telford-wrekin", "Telford & Wrekin Council", "telford.gov.uk", "Telford", 111
    ),
    SampleOrganisation("wmfs", "West Midlands Fire Service", "wmfs.net", "Birmingham", 112),
)

PROGRAMMES = (
    Programme(
        id=0,
        slug="regional-pool",
        name="Regional Coaching Pool",
        description=(
            "Up to six one-hour sessions with an accredited coach from another member "
            "organisation, starting with a short chemistry session."
        ),
        session_minutes=60,
        max_sessions=6,
        same_organisation_allowed=False,
        required_accreditation=Accreditation.ILM5,
        chemistry_session=True,
        feedback_required=True,
    ),
    Programme(
        id=0,
        slug="rapid-support",
        name="Rapid Support",
        description=(
            "Up to 3 x 1 hour of focused coaching at short notice, for someone facing an "
            "immediate challenge; no more than three people per organisation at once."
        ),
        session_minutes=60,
        max_sessions=3,
        max_per_organisation=3,
        same_organisation_allowed=False,
        required_accreditation=Accreditation.ILM5,
        chemistry_session=False,
        feedback_required=True,
    ),
    Programme(
        id=0,
        slug="member-mentoring",
        name="Member Mentoring",
        description=(
            "Mentoring for elected members by experienced officers; a mentor may come from "
            "the member's own council."
        ),
        session_minutes=60,
        max_sessions=6,
        same_organisation_allowed=True,
        chemistry_session=True,
        feedback_required=True,
    ),
)

# In the order they are created: a manager comes before the people they manage. Jade Morris is
# managed by Jo Harper, a coach at Sandwell, so Jo must never be offered as Jade's coach.
OTHER_PEOPLE = (
    SamplePerson(
        "Helen Brooks",
        "wm-employers",
        Role.COORDINATOR,
        "Coaching Pool Coordinator",
        "Organisation Development",
        email=DEMO_COORDINATOR_EMAIL,
    ),
    SamplePerson("Marcus Reid", "wm-employers", Role.COORDINATOR, "Coaching Pool Officer"),
    SamplePerson(
        "Priya Nair", "wm-employers", Role.COORDINATOR, "Head of Organisation Development"
    ),
    SamplePerson(
        "Janet Cole",
        "birmingham",
        Role.ORG_LEAD,
        "Head of Organisation Development",
        "People Services",
    ),
    SamplePerson(
        "Deborah Ashworth", "coventry", Role.ORG_LEAD, "Learning and Development Manager", "HR"
    ),
    SamplePerson(
        "Martin Shaw",
        "dudley",
        Role.ORG_LEAD,
        "Head of Workforce Development",
        "Corporate Services",
    ),
    SamplePerson("Neil Griffiths", "shropshire", Role.ORG_LEAD, "OD Business Partner", "Resources"),
    SamplePerson("Karen Lloyd", "dudley", Role.SPONSOR, "Head of Housing Operations", "Housing"),
    SamplePerson(
        "Sam Patel",
        "dudley",
        Role.COACHEE,
        "Housing Team Manager",
        "Housing",
        email=DEMO_COACHEE_EMAIL,
        manager_email="karen.lloyd@dudley.gov.uk",
    ),
    SamplePerson(
        "Jade Morris",
        "sandwell",
        Role.COACHEE,
        "Benefits Officer",
        "Revenues and Benefits",
        manager_email="jo.harper@sandwell.gov.uk",
    ),
    SamplePerson("Ryan Cooper", "birmingham", Role.COACHEE, "Planning Officer", "Planning"),
    SamplePerson(
        "Emma Roberts", "coventry", Role.COACHEE, "Senior Social Worker", "Children's Services"
    ),
    SamplePerson("Liam O'Connor", "wolverhampton", Role.COACHEE, "Project Officer", "Regeneration"),
    SamplePerson(
        "Natalie Webb", "solihull", Role.COACHEE, "Customer Services Team Leader", "Resources"
    ),
    SamplePerson("Adeel Khan", "walsall", Role.COACHEE, "Finance Officer", "Finance"),
    SamplePerson(
        "Sophie Lane", "worcestershire", Role.COACHEE, "Commissioning Officer", "Adult Services"
    ),
    SamplePerson(
        "Gemma Wright", "telford-wrekin", Role.COACHEE, "Family Support Worker", "Early Help"
    ),
    SamplePerson("Peter Dawson", "staffordshire", Role.COACHEE, "Councillor", "Elected Members"),
)
