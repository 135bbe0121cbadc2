"""The demo pool's 40 coaches, spread over the 12 member organisations.

Chosen so the demo has something to show: ten coaches outside Dudley who coach on restructures
and are free on Tuesday or Thursday afternoons (a good shortlist for the demo coachee, Sam Patel
at Dudley), a Dudley coach with the same fit (left out: same organisation), three paused coaches,
one coach still completing ILM level 5, and one who works from Dublin.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.coaches import Accreditation, Format

ILM5, ILM7, NONE = Accreditation.ILM5, Accreditation.ILM7, Accreditation.NONE
ONLINE = frozenset({Format.ONLINE})
IN_PERSON = frozenset({Format.IN_PERSON})
BOTH = frozenset({Format.ONLINE, Format.IN_PERSON})

# The specialism vocabulary: the public-sector coaching topics coaches choose from.
LEADERSHIP = "leadership"
CHANGE = "managing change and restructures"
NEW_MANAGERS = "new managers"
CAREER = "career development"
CONFIDENCE = "confidence"
WELLBEING = "resilience and wellbeing"
CONVERSATIONS = "difficult conversations"
MEMBERS = "working with elected members"
PERFORMANCE = "performance"
BALANCE = "work-life balance"
NEURODIVERSITY = "neurodiversity"
RETURNING = "returning from leave"

SPECIALISMS = (
    LEADERSHIP,
    CHANGE,
    NEW_MANAGERS,
    CAREER,
    CONFIDENCE,
    WELLBEING,
    CONVERSATIONS,
    MEMBERS,
    PERFORMANCE,
    BALANCE,
    NEURODIVERSITY,
    RETURNING,
)


@dataclass(frozen=True)
class SampleCoach:
    name: str
    organisation: str
    job_title: str
    directorate: str
    accreditation: Accreditation
    specialisms: tuple[str, ...]
    bio: str
    formats: frozenset[Format]
    # In the roster's syntax, read with the same parser.
    availability: str
    max_coachees: int
    max_hours_per_month: float
    pause_reason: str = ""
    timezone: str = "Europe/London"
    # Where they coach in person; the organisation's town when empty.
    location: str = ""


# Each entry: name, organisation, job title, directorate; accreditation and specialisms; bio;
# formats, availability and capacity; then anything unusual.
# fmt: off
COACHES = (
    # Birmingham
    SampleCoach(
        "Amira Hussain", "birmingham", "Head of Service", "Children's Social Care",
        ILM7, (LEADERSHIP, CHANGE, CONVERSATIONS),
        "Twenty years in children's services, most recently leading a service through two "
        "restructures. I help managers find their own way through change and keep their team "
        "with them.",
        BOTH, "Tue 13:00-17:00; Thu 13:00-16:30; Fri 09:00-11:00",
        max_coachees=3, max_hours_per_month=6,
    ),
    SampleCoach(
        "Daniel Okafor", "birmingham", "Programme Manager", "Digital and Customer Services",
        ILM5, (CAREER, CONFIDENCE, NEW_MANAGERS),
        "I coach people who are new to managing or thinking about their next move. Sessions "
        "are relaxed, practical and about what you want to change.",
        ONLINE, "Mon 09:00-11:00; Wed 14:00-16:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    SampleCoach(
        "Rachel Green", "birmingham", "Senior HR Business Partner", "People Services",
        ILM7, (CONVERSATIONS, PERFORMANCE, CHANGE, LEADERSHIP),
        "Fifteen years in HR, much of it supporting services through reorganisation. I coach "
        "managers who have hard conversations ahead of them.",
        BOTH, "Tue 14:00-17:00; Wed 09:00-12:00; Thu 14:00-17:00",
        max_coachees=4, max_hours_per_month=8,
    ),
    SampleCoach(
        "Tom Whitehouse", "birmingham", "Team Manager", "Highways",
        ILM5, (NEW_MANAGERS, BALANCE, WELLBEING),
        "I moved from engineering into managing a team and know how big that step feels. I "
        "coach in person around Birmingham, early in the day.",
        IN_PERSON, "Mon 08:00-10:00; Thu 08:00-10:00",
        max_coachees=1, max_hours_per_month=3,
    ),
    SampleCoach(
        "Grace Adeyemi", "birmingham", "Public Health Specialist", "Public Health",
        ILM5, (WELLBEING, NEURODIVERSITY, BALANCE),
        "I coach people to look after their own wellbeing while doing demanding jobs, with a "
        "particular interest in neurodiversity at work.",
        ONLINE, "Wed 13:00-16:00; Fri 10:00-12:00",
        max_coachees=2, max_hours_per_month=4,
        pause_reason="on leave until January",
    ),
    # Coventry
    SampleCoach(
        "Siobhan Kelly", "coventry", "Strategic Lead", "Housing",
        ILM7, (LEADERSHIP, CHANGE, MEMBERS),
        "I lead housing strategy for Coventry, mostly working from Dublin. I coach senior "
        "managers on leading through change and on working well with elected members.",
        ONLINE, "Tue 13:30-16:30; Thu 13:30-16:30",
        max_coachees=3, max_hours_per_month=6,
        timezone="Europe/Dublin", location="Dublin",
    ),
    SampleCoach(
        "Mark Bennett", "coventry", "Service Manager", "Waste and Fleet",
        ILM5, (PERFORMANCE, CONVERSATIONS, NEW_MANAGERS),
        "I run a large operational service and coach managers who want their teams to perform"
        " well without burning out.",
        BOTH, "Mon 13:00-15:00; Wed 13:00-15:00; Fri 09:00-11:00",
        max_coachees=2, max_hours_per_month=5,
    ),
    SampleCoach(
        "Hannah Price", "coventry", "Learning and Development Adviser", "HR",
        ILM5, (CAREER, CONFIDENCE, RETURNING),
        "I help people get back into their stride after time away and think about where they "
        "want their career to go.",
        ONLINE, "Tue 09:00-12:00; Thu 09:00-11:00",
        max_coachees=3, max_hours_per_month=6,
    ),
    SampleCoach(
        "Imran Sheikh", "coventry", "Finance Business Partner", "Finance",
        ILM5, (LEADERSHIP, PERFORMANCE, CAREER),
        "I coach people in professional roles who are stepping into leadership for the first "
        "time.",
        IN_PERSON, "Wed 08:30-10:30; Fri 13:00-15:00",
        max_coachees=1, max_hours_per_month=3,
    ),
    # Dudley
    SampleCoach(
        "Laura Jennings", "dudley", "Head of Transformation", "Corporate Services",
        ILM7, (CHANGE, LEADERSHIP, CONVERSATIONS),
        "I have led several council restructures and coach managers through the human side of"
        " change.",
        BOTH, "Tue 13:00-17:00; Thu 13:00-17:00",
        max_coachees=3, max_hours_per_month=6,
    ),
    SampleCoach(
        "Paul Dunn", "dudley", "Neighbourhood Manager", "Housing",
        ILM5, (NEW_MANAGERS, CONVERSATIONS, WELLBEING),
        "A down-to-earth coach for new managers finding their feet with a team they used to "
        "be part of.",
        IN_PERSON, "Mon 09:00-12:00; Wed 09:00-12:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    SampleCoach(
        "Chloe Evans", "dudley", "Occupational Therapist", "Adult Social Care",
        ILM5, (RETURNING, BALANCE, CONFIDENCE),
        "I coach people returning from parental or long-term sick leave to rebuild confidence"
        " at their own pace.",
        ONLINE, "Thu 09:30-12:00; Fri 09:30-12:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    # Sandwell
    SampleCoach(
        "Kwame Mensah", "sandwell", "Head of Regeneration", "Regeneration and Growth",
        ILM7, (LEADERSHIP, MEMBERS, CHANGE),
        "I work closely with cabinet members on large regeneration schemes. I coach leaders "
        "who need to bring people with them through change.",
        BOTH, "Tue 14:00-17:00; Thu 14:00-17:00; Fri 09:00-11:00",
        max_coachees=3, max_hours_per_month=6,
    ),
    SampleCoach(
        "Jo Harper", "sandwell", "Team Leader", "Revenues and Benefits",
        ILM5, (NEW_MANAGERS, PERFORMANCE, CONFIDENCE),
        "I lead a busy benefits team and coach first-time team leaders on the practical side "
        "of managing.",
        ONLINE, "Mon 10:00-12:00; Wed 10:00-12:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    SampleCoach(
        "Sunita Kaur", "sandwell", "Principal Social Worker", "Children's Services",
        ILM5, (WELLBEING, CONVERSATIONS, BALANCE),
        "I coach front-line practitioners and managers on staying well in emotionally "
        "demanding work.",
        ONLINE, "Tue 09:00-11:00; Wed 14:00-16:00",
        max_coachees=2, max_hours_per_month=4,
        pause_reason="supervision lapsed",
    ),
    # Solihull
    SampleCoach(
        "James Fletcher", "solihull", "Assistant Director", "Economy and Infrastructure",
        ILM7, (LEADERSHIP, MEMBERS, CAREER),
        "I coach senior managers stepping up to director level, including working with "
        "portfolio holders.",
        ONLINE, "Mon 16:00-18:00; Thu 16:00-18:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    SampleCoach(
        "Ellie Watson", "solihull", "HR Adviser", "HR",
        ILM5, (NEURODIVERSITY, CONFIDENCE, CAREER),
        "I am autistic and coach neurodivergent colleagues, and their managers, on making "
        "work work for them.",
        ONLINE, "Tue 10:00-12:00; Thu 10:00-12:00; Fri 13:00-15:00",
        max_coachees=3, max_hours_per_month=6,
    ),
    SampleCoach(
        "Gareth Morgan", "solihull", "Operations Manager", "Environmental Services",
        ILM5, (CHANGE, PERFORMANCE, CONVERSATIONS),
        "I have taken two depots through a merger. I coach managers who are leading a team "
        "through a restructure.",
        BOTH, "Tue 13:00-16:00; Wed 13:00-16:00; Thu 13:00-16:00",
        max_coachees=2, max_hours_per_month=5,
    ),
    # Walsall
    SampleCoach(
        "Fatima Begum", "walsall", "Community Development Officer", "Communities",
        ILM5, (CONFIDENCE, CAREER, RETURNING),
        "I coach people who want to grow in confidence and take the next step in their "
        "career.",
        ONLINE, "Mon 13:00-16:00; Wed 13:00-16:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    SampleCoach(
        "Steve Lowe", "walsall", "Head of Facilities", "Resources",
        ILM5, (LEADERSHIP, PERFORMANCE, NEW_MANAGERS),
        "A practical coach for managers of operational teams, in person at the Civic Centre.",
        IN_PERSON, "Tue 08:00-10:00; Fri 08:00-10:00",
        max_coachees=2, max_hours_per_month=3,
    ),
    SampleCoach(
        "Nicola Brennan", "walsall", "Service Improvement Manager", "Adult Social Care",
        ILM7, (CHANGE, WELLBEING, LEADERSHIP),
        "I coach managers through restructures and service redesign while looking after "
        "themselves and their teams.",
        ONLINE, "Tue 13:00-15:30; Thu 13:00-15:30",
        max_coachees=4, max_hours_per_month=8,
    ),
    # Wolverhampton
    SampleCoach(
        "Ravi Chauhan", "wolverhampton", "Head of Digital", "ICT",
        ILM5, (LEADERSHIP, NEURODIVERSITY, CAREER),
        "I coach technical specialists moving into leadership, and neurodivergent staff "
        "planning their careers.",
        ONLINE, "Mon 14:00-17:00; Wed 14:00-17:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    SampleCoach(
        "Beth Simmons", "wolverhampton", "Policy Officer", "Strategy",
        ILM5, (MEMBERS, CONFIDENCE, CAREER),
        "I coach officers who are new to briefing elected members and want to do it with "
        "confidence.",
        ONLINE, "Thu 09:00-12:00; Fri 09:00-12:00",
        max_coachees=1, max_hours_per_month=3,
    ),
    SampleCoach(
        "Lee Francis", "wolverhampton", "Team Manager", "Youth Offending",
        ILM5, (WELLBEING, CONVERSATIONS, BALANCE),
        "I coach people in high-pressure roles on resilience and on the conversations they "
        "have been putting off.",
        IN_PERSON, "Tue 09:00-12:00; Wed 09:00-12:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    SampleCoach(
        "Olivia Grant", "wolverhampton", "Change Manager", "Transformation",
        ILM7, (CHANGE, LEADERSHIP, CONVERSATIONS),
        "Change is my day job. I coach managers to lead their teams through restructures with"
        " honesty and care.",
        BOTH, "Tue 13:30-17:00; Thu 13:30-17:00",
        max_coachees=3, max_hours_per_month=6,
    ),
    # Worcestershire
    SampleCoach(
        "Andrew Clarke", "worcestershire", "Head of Commissioning", "Adult Services",
        ILM7, (LEADERSHIP, MEMBERS, PERFORMANCE),
        "I coach senior leaders on strategy, performance and working alongside elected "
        "members.",
        BOTH, "Mon 09:00-12:00; Thu 14:00-17:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    SampleCoach(
        "Megan Hughes", "worcestershire", "Senior Librarian", "Libraries and Learning",
        ILM5, (CAREER, RETURNING, BALANCE),
        "I coach people balancing work with caring responsibilities, in person in Worcester.",
        IN_PERSON, "Wed 10:00-12:00; Fri 10:00-12:00",
        max_coachees=1, max_hours_per_month=3,
    ),
    SampleCoach(
        "Anil Mistry", "worcestershire", "Project Manager", "Highways and Transport",
        ILM5, (NEW_MANAGERS, CONFIDENCE, PERFORMANCE),
        "I coach new managers over lunchtime video calls, focused on one practical change at "
        "a time.",
        ONLINE, "Mon 12:00-14:00; Wed 12:00-14:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    # Shropshire
    SampleCoach(
        "Catherine Ellis", "shropshire", "Head of Customer Services", "Resources",
        ILM5, (CHANGE, NEW_MANAGERS, WELLBEING),
        "I led our customer service centre through a restructure and coach managers facing "
        "the same.",
        ONLINE, "Tue 14:00-16:30; Thu 14:00-16:30",
        max_coachees=2, max_hours_per_month=5,
    ),
    SampleCoach(
        "Owen Powell", "shropshire", "Countryside Manager", "Place",
        ILM5, (BALANCE, WELLBEING, CONFIDENCE),
        "Walking coaching sessions in the Shropshire countryside, or at Shirehall if you "
        "prefer.",
        IN_PERSON, "Mon 09:00-11:00; Fri 09:00-11:00",
        max_coachees=1, max_hours_per_month=3,
    ),
    SampleCoach(
        "Zoe Marshall", "shropshire", "Principal Educational Psychologist", "Education",
        ILM7, (NEURODIVERSITY, CONFIDENCE, RETURNING),
        "I coach neurodivergent staff and people returning to work after a long absence.",
        ONLINE, "Wed 13:00-16:00; Thu 09:00-11:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    # Staffordshire
    SampleCoach(
        "Richard Turner", "staffordshire", "Head of Trading Standards", "Economy",
        ILM5, (LEADERSHIP, PERFORMANCE, CONVERSATIONS),
        "I coach managers on setting clear expectations and handling performance issues "
        "fairly.",
        BOTH, "Tue 09:30-12:00; Thu 09:30-12:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    SampleCoach(
        "Aisha Rahman", "staffordshire", "Business Partner", "Organisational Development",
        ILM7, (CAREER, CONFIDENCE, NEW_MANAGERS, LEADERSHIP),
        "An experienced coach and coach supervisor. I work with people at any stage of their "
        "career who feel stuck.",
        ONLINE, "Mon 13:00-16:00; Wed 13:00-16:00; Fri 13:00-15:00",
        max_coachees=4, max_hours_per_month=8,
    ),
    SampleCoach(
        "Michael Barnes", "staffordshire", "Senior Manager", "Families and Communities",
        NONE, (WELLBEING, BALANCE),
        "I am completing the ILM level 5 coaching certificate this year and coach under "
        "supervision, with an interest in balancing work and caring.",
        ONLINE, "Tue 10:00-12:00; Thu 15:00-17:00",
        max_coachees=1, max_hours_per_month=3,
    ),
    # Telford & Wrekin
    SampleCoach(
        "Sarah Whitfield", "telford-wrekin", "Head of Workforce Development", "People",
        ILM7, (LEADERSHIP, CHANGE, CAREER),
        "I coach leaders at every level on leading through change, and on what they want "
        "next.",
        ONLINE, "Tue 13:00-17:00; Wed 09:00-11:00; Thu 13:00-17:00",
        max_coachees=3, max_hours_per_month=6,
    ),
    SampleCoach(
        "Craig Holloway", "telford-wrekin", "Neighbourhood Services Manager", "Neighbourhoods",
        ILM5, (PERFORMANCE, NEW_MANAGERS, CONVERSATIONS),
        "I coach new managers in frontline services, in person in Telford.",
        IN_PERSON, "Mon 14:00-16:00; Thu 10:00-12:00",
        max_coachees=2, max_hours_per_month=4,
        pause_reason="on a secondment until April",
    ),
    SampleCoach(
        "Leanne Davies", "telford-wrekin", "Early Help Practitioner", "Children's Services",
        ILM5, (RETURNING, BALANCE, CONFIDENCE),
        "I coach parents returning to work and anyone rebuilding their confidence after a "
        "break.",
        ONLINE, "Wed 09:30-12:00; Fri 09:30-12:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    # West Midlands Fire Service
    SampleCoach(
        "Tony Richards", "wmfs", "Station Commander", "Response",
        ILM5, (LEADERSHIP, WELLBEING, CONVERSATIONS),
        "Twenty-five years in the fire service. I coach leaders on staying steady under "
        "pressure.",
        BOTH, "Mon 10:00-12:00; Thu 13:00-16:00",
        max_coachees=2, max_hours_per_month=4,
    ),
    SampleCoach(
        "Kerry Walsh", "wmfs", "Group Commander", "Prevention",
        ILM7, (LEADERSHIP, CHANGE, PERFORMANCE),
        "I coach managers leading teams through restructures and new ways of working, in any "
        "public service.",
        ONLINE, "Tue 13:00-16:00; Thu 13:00-16:00",
        max_coachees=3, max_hours_per_month=6,
    ),
    SampleCoach(
        "Ben Carter", "wmfs", "Watch Manager", "Response",
        ILM5, (NEW_MANAGERS, CONFIDENCE, CAREER),
        "I coach people taking on their first supervisory role, in person in Birmingham.",
        IN_PERSON, "Wed 14:00-17:00; Fri 14:00-17:00",
        max_coachees=1, max_hours_per_month=3,
    ),
)
# fmt: on
