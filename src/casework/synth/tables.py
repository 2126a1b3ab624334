"""The proportions the synthetic council is drawn from.

Figures are rounded from England's published statistics (Children in need census and
Children looked after in England, 2022-23 and 2023-24; Census 2021 for the children's
population) and from the practice standards' timescales. They set the shape of the
journeys, not any one council's numbers.
"""

from __future__ import annotations

from typing import Final

from casework.synth.rand import Weighted

YES, NO = "yes", "no"

# Ethnicity of England's children (Census 2021, ages 0 to 17), in the codes of the CIN
# census and SSDA903, with "refused" and "not yet obtained" as they appear in records.
ETHNICITY: Final[dict[str, float]] = {
    "WBRI": 66.8,
    "WIRI": 0.3,
    "WIRT": 0.1,
    "WROM": 0.3,
    "WOTH": 6.0,
    "MWBC": 1.7,
    "MWBA": 0.9,
    "MWAS": 1.6,
    "MOTH": 2.2,
    "AIND": 3.2,
    "APKN": 4.3,
    "ABAN": 1.7,
    "AOTH": 2.1,
    "BCRB": 0.8,
    "BAFR": 3.6,
    "BOTH": 0.6,
    "CHNE": 0.5,
    "OOTH": 1.9,
    "REFU": 0.4,
    "NOBT": 1.0,
}

# Unaccompanied asylum-seeking children.
UASC_ETHNICITY: Final[Weighted[str]] = Weighted.of(
    {"OOTH": 38, "BAFR": 30, "AOTH": 18, "WOTH": 6, "CHNE": 0, "NOBT": 4, "REFU": 4}
)

DISABILITY_SHARE: Final = 0.08

# Disability types recorded in the CIN census (as words rather than codes).
DISABILITY: Final[Weighted[str]] = Weighted.of(
    {
        "Autism or Asperger syndrome": 30,
        "Learning": 22,
        "Behaviour": 12,
        "Communication": 10,
        "Mobility": 7,
        "Consciousness": 3,
        "Hearing": 4,
        "Vision": 3,
        "Hand function": 2,
        "Personal care": 4,
        "Incontinence": 1,
        "Other (DDA)": 2,
    }
)

MALE_SHARE: Final = 0.52

# Age (whole years) at the first contact.
AGE_AT_CONTACT: Final[Weighted[int]] = Weighted.of(
    {
        0: 8.0,
        1: 5.0,
        2: 5.0,
        3: 5.0,
        4: 5.0,
        5: 5.5,
        6: 5.5,
        7: 5.5,
        8: 5.5,
        9: 5.5,
        10: 5.5,
        11: 5.5,
        12: 6.0,
        13: 6.5,
        14: 6.5,
        15: 6.0,
        16: 5.5,
        17: 2.5,
    }
)

# Age (whole years) of children looked after, for those already in care when the period
# starts (children looked after at 31 March).
AGE_IN_CARE: Final[Weighted[int]] = Weighted.of(
    {
        0: 3.0,
        1: 3.0,
        2: 3.5,
        3: 3.5,
        4: 3.5,
        5: 3.5,
        6: 3.7,
        7: 3.7,
        8: 3.8,
        9: 4.0,
        10: 5.5,
        11: 5.8,
        12: 6.3,
        13: 6.8,
        14: 7.2,
        15: 7.9,
        16: 10.5,
        17: 11.8,
    }
)

# Who makes contacts: (readable source, CIN census referral source code).
CONTACT_SOURCE: Final[Weighted[tuple[str, str]]] = Weighted.of(
    {
        ("Police", "6"): 29.0,
        ("School", "2A"): 17.5,
        ("Education services", "2B"): 2.5,
        ("GP", "3A"): 2.0,
        ("Health visitor", "3B"): 2.5,
        ("School nurse", "3C"): 0.8,
        ("Other primary health services", "3D"): 2.2,
        ("A&E", "3E"): 3.0,
        ("Other health services", "3F"): 4.0,
        ("Housing", "4"): 2.0,
        ("Local authority social care", "5A"): 5.5,
        ("Other local authority services", "5B"): 4.0,
        ("Another local authority", "5C"): 3.0,
        ("Family member", "1A"): 4.5,
        ("Acquaintance", "1B"): 1.0,
        ("Self", "1C"): 0.8,
        ("Other individual", "1D"): 1.2,
        ("Other legal agency", "7"): 3.0,
        ("Other", "8"): 6.0,
        ("Anonymous", "9"): 2.0,
        ("Unknown", "10"): 1.5,
    }
)

# What the contact is about (factors identified at the end of assessment, CIN census).
CONCERN: Final[Weighted[str]] = Weighted.of(
    {
        "Domestic abuse": 30,
        "Mental health of a parent": 16,
        "Emotional abuse": 10,
        "Neglect": 12,
        "Physical abuse": 8,
        "Sexual abuse": 3,
        "Alcohol or drug misuse by a parent": 8,
        "Child's behaviour": 4,
        "Child's mental health": 4,
        "Going missing": 2,
        "Child sexual exploitation": 1,
        "Criminal exploitation": 1,
        "Self-harm": 2,
        "Disability or illness of the child": 2,
        "Homelessness": 2,
        "Parental conflict": 3,
    }
)

# Contacts: what the front door decides (for a child's first and later contacts).
CONTACT_OUTCOME: Final[Weighted[str]] = Weighted.of(
    {"nfa": 34, "information_advice": 28, "early_help": 15, "referral": 20, "other": 3}
)
CONTACT_OUTCOME_REPEAT: Final[Weighted[str]] = Weighted.of(
    {"nfa": 20, "information_advice": 16, "early_help": 17, "referral": 44, "other": 3}
)

# The outcome of an assessment with no section 47 enquiry.
ASSESSMENT_OUTCOME: Final[Weighted[str]] = Weighted.of(
    {"nfa": 31, "early_help": 17, "cin": 42.5, "cic": 2, "other": 7.5}
)

# Section 47 enquiry outcomes.
S47_OUTCOME: Final[Weighted[str]] = Weighted.of({"icpc": 31, "cin": 26, "nfa": 41, "other": 2})

# Child protection plan category (2023-24: neglect about half, emotional abuse most of
# the rest).
CP_CATEGORY: Final[Weighted[str]] = Weighted.of(
    {"neglect": 50, "emotional": 37, "physical": 7, "sexual": 4, "multiple": 2}
)

# At which review conference a child protection plan ends (1st at 3 months, then every
# 6 months): about one in six end at the first review, most within a year.
CP_ENDS_AT_REVIEW: Final[Weighted[int]] = Weighted.of({1: 17, 2: 45, 3: 26, 4: 9, 5: 3})

# CIN census category of need, for children starting to be looked after.
NEED_CODE: Final[Weighted[str]] = Weighted.of(
    {"N1": 65, "N2": 3, "N3": 4, "N4": 8, "N5": 13, "N6": 2, "N7": 1, "N8": 4}
)

CARE_LEAVER_ACTIVITY: Final[Weighted[str]] = Weighted.of(
    {"education": 30, "training": 8, "employment": 22, "neet": 35, "other": 5}
)

CIN_END_REASON: Final[Weighted[str]] = Weighted.of(
    {
        "close": 60,
        "early_help": 22,
        "moved": 7,
        "cic": 3,
        "assessment": 8,
    }
)

# Why an open case has no allocated worker, and how contact is kept meanwhile.
UNALLOCATED: Final[tuple[tuple[str, str], ...]] = (
    (
        "Social worker left the council; awaiting reallocation",
        "Assistant team manager visits in line with the plan until a worker is allocated",
    ),
    (
        "Social worker on long-term sick leave",
        "Duty social worker visits; the team manager reviews the case weekly",
    ),
    (
        "Awaiting transfer between teams",
        "Held by the sending team's manager; visits continue from the duty rota",
    ),
    (
        "No capacity in the team",
        "Discussed at the weekly allocation meeting; duty worker keeps in touch by phone",
    ),
)

NEW_REFERRAL_UNALLOCATED: Final = (
    "New referral awaiting allocation",
    "Duty worker holds the referral until the assessment is allocated",
)

# Caseloads used to size the teams (open cases per practitioner).
CASELOAD: Final[dict[str, float]] = {
    "assessment": 13.0,
    "child_in_need": 16.0,
    "child_protection": 14.0,
    "children_in_care": 15.0,
    "care_leavers": 21.0,
    "disabled_children": 16.0,
    "early_help": 18.0,
    "safeguarding_review": 55.0,
}

# Practitioners per team (before managers).
TEAM_SIZE: Final = 6

# Casework intervals in days by kind of case: supervision, management oversight (0 for
# none), chronology update, mean days between case notes, mean days between direct work.
CASEWORK: Final[dict[str, tuple[int, int, int, float, float]]] = {
    "cp": (61, 35, 100, 240, 240),
    "cin": (91, 45, 100, 300, 365),
    "cic": (61, 0, 91, 240, 300),
    "cl": (91, 0, 182, 365, 0),
    "eh": (45, 0, 84, 365, 0),
}

# How long children stay in care, by age at entry.
PLAN_BABY: Final[Weighted[str]] = Weighted.of(
    {"adoption": 34, "home": 22, "sgo": 22, "eighteen": 22}
)
PLAN_YOUNG: Final[Weighted[str]] = Weighted.of(
    {"adoption": 18, "home": 30, "sgo": 24, "eighteen": 28}
)
PLAN_CHILD: Final[Weighted[str]] = Weighted.of({"home": 38, "sgo": 14, "eighteen": 48})
PLAN_TEEN: Final[Weighted[str]] = Weighted.of({"home": 38, "sgo": 4, "eighteen": 58})

CARE_END_REASON: Final[dict[str, str]] = {
    "home": "Returned home to live with parents",
    "sgo": "Special guardianship order",
    "adoption": "Adopted",
    "eighteen": "Turned 18",
}

# SSDA903 placement types: U1-U6 foster placements (U1-U3 with connected persons), K2
# children's home, H5 semi-independent living, P1 placed with parents, A6 placed for
# adoption, R1 residential care home, S1 residential school.
PLACEMENT_YOUNG: Final[Weighted[str]] = Weighted.of(
    {"U6": 48, "U4": 14, "U3": 16, "U1": 6, "P1": 8, "K2": 2, "R1": 1, "U5": 5}
)
PLACEMENT_CHILD: Final[Weighted[str]] = Weighted.of(
    {"U6": 42, "U4": 18, "U3": 12, "U1": 5, "P1": 7, "K2": 13, "S1": 2, "R1": 1}
)
PLACEMENT_TEEN: Final[Weighted[str]] = Weighted.of(
    {"U6": 30, "U4": 12, "U3": 6, "H5": 30, "K2": 17, "P1": 5}
)
PROVIDER: Final[dict[str, str]] = {
    "U1": "PR1",
    "U3": "PR1",
    "U4": "PR1",
    "U6": "PR1",
    "U5": "PR1",
    "P1": "PR0",
    "K2": "PR4",
    "H5": "PR4",
    "A6": "PR1",
    "R1": "PR4",
    "S1": "PR5",
}
MOVE_REASONS: Final = (
    "Planned move to a long-term placement",
    "Carer requested the child be moved",
    "Placement broke down",
    "Moved closer to family and school",
    "Moved to semi-independent living",
    "Move to a placement better able to meet needs",
)

# Paperwork that goes with an event, for `generate(..., paperwork=True)`: (event, who
# ("t" whoever recorded the trigger, "m" their manager, "p" the worker holding the plan
# when an IRO or chair recorded it), earliest and latest working days after the trigger
# (negative: before it), the same when late, the chance of being late, details).
Paper = tuple[str, str, int, int, int, int, float, tuple[str, ...]]
CONFERENCE_PAPERWORK: Final[tuple[Paper, ...]] = (
    ("conference_setup_form", "p", -14, -7, -6, -3, 0.12, ()),
    ("conference_invites_sent", "t", -10, -5, -4, -2, 0.1, ()),
    ("chair_consultation", "t", -6, -3, -2, 0, 0.15, ()),
    ("conference_decision_sent", "t", 0, 1, 2, 4, 0.1, ()),
    ("conference_chair_checklist", "t", 0, 1, 2, 3, 0.1, ()),
)
PAPERWORK: Final[dict[str, tuple[Paper, ...]]] = {
    "contact": (("threshold_recommendation", "t", 0, 0, 1, 2, 0.08, ()),),
    "mash_enquiry": (("consent_obtained", "t", -1, 0, 1, 2, 0.1, ("override", NO)),),
    "assessment_start": (
        ("danger_statement", "t", 0, 2, 3, 6, 0.15, ("draft", NO)),
        ("agency_checks", "t", 1, 5, 6, 12, 0.15, ()),
        ("assessment_progress_review", "m", 5, 10, 11, 20, 0.2, ()),
    ),
    "assessment_authorised": (("assessment_shared", "t", -5, 0, 1, 3, 0.1, ()),),
    "strategy_discussion": (
        ("strategy_actions_sent", "t", 0, 0, 1, 2, 0.1, ()),
        ("strategy_minutes_sent", "t", 0, 1, 2, 4, 0.12, ()),
        ("cp_admin_notified", "t", 0, 0, 1, 2, 0.08, ()),
        ("interim_safety_plan", "t", 0, 1, 2, 4, 0.1, ()),
        ("agency_checks", "t", 0, 1, 2, 5, 0.15, ()),
        ("management_oversight", "m", 1, 5, 6, 10, 0.12, ()),
    ),
    "icpc": CONFERENCE_PAPERWORK,
    "rcpc": (
        *CONFERENCE_PAPERWORK,
        ("rcpc_report", "p", -9, -5, -4, -1, 0.15, ()),
        ("rcpc_report_signed_off", "p", -8, -5, -4, -1, 0.15, ()),
    ),
    "core_group": (
        ("core_group_minutes", "t", 1, 8, 11, 20, 0.12, ()),
        ("core_group_minutes_signed_off", "m", 2, 9, 11, 20, 0.15, ()),
    ),
    "cin_review": (
        ("cin_plan_signed_off", "m", 1, 9, 11, 20, 0.15, ()),
        ("cin_review_record_signed_off", "m", 1, 9, 11, 20, 0.15, ()),
        ("cin_review_record_sent", "t", 2, 9, 11, 20, 0.15, ()),
    ),
    "cic_review": (
        ("cic_review_setup_form", "p", -16, -11, -10, -5, 0.12, ()),
        ("cic_review_invites_sent", "t", -14, -10, -9, -5, 0.12, ()),
        ("cic_review_papers", "p", -8, -4, -3, -1, 0.2, ("document", "pep")),
        ("cic_review_papers", "p", -8, -4, -3, -1, 0.2, ("document", "health_plan")),
        ("cic_review_report_signed_off", "p", -8, -5, -4, -1, 0.15, ()),
        ("cic_review_report_shared", "p", -5, -2, -1, 0, 0.15, ()),
        ("iro_child_meeting", "t", -10, -1, 1, 5, 0.1, ("in_private", YES)),
        ("iro_social_worker_meeting", "t", -15, -3, -2, 0, 0.1, ()),
    ),
    "cic_start": (("placement_arrangements_form", "t", 0, 0, 1, 3, 0.1, ()),),
    "placement_planning_meeting": (("placement_plan", "t", 1, 5, 6, 10, 0.15, ()),),
    "pathway_plan": (("pathway_plan_shared", "t", 1, 9, 11, 20, 0.15, ()),),
    "pathway_plan_review": (("pathway_plan_shared", "t", 1, 9, 11, 20, 0.15, ()),),
    "transfer_meeting": (("transfer_document_sent", "t", -3, -1, 0, 0, 0.1, ()),),
}
