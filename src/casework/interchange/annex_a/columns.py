"""The columns of Annex A's lists 1 to 11: the 2019 and 2024 column sets, and the compact
names of the Standard Safeguarding Dataset's Annex A extract.

`LISTS[n]` maps each field of list n to the column names it may have, the first being the
2024 name; `SPECS` are the same as the fields the table reader matches.
"""

from __future__ import annotations

from casework.interchange.tables import (
    Field,
    fields,
)

_CHILD = {
    "child_id": [
        "Child Unique ID",
        "ChildUniqueID",
        "Child ID",
        "Unique ID",
        "Child Identifier",
        "Child Unique Identifier",
        "Person ID",
    ],
    "sex": ["Gender", "Sex", "Legal sex", "Gender/Sex"],
    "ethnicity": ["Ethnicity", "Ethnic origin", "Ethnic group"],
    "dob": ["Date of Birth", "DateOfBirth", "DOB", "Birth date"],
    "age": ["Age", "Age of Child (Years)", "Age of Child", "Age (years)", "Age in years"],
}
_DISABILITY = {"disability": ["Does the Child have a Disability", "HasDisability", "Disability"]}
_ALLOCATED = {
    "team": ["Allocated Team", "AllocatedTeam", "Team"],
    "worker": ["Allocated Worker", "AllocatedWorker", "Worker", "Social worker"],
}

LISTS: dict[int, dict[str, list[str]]] = {
    1: {
        **_CHILD,
        "contact_date": ["Date of Contact", "DateOfContact", "Contact Date"],
        "contact_source": ["Contact Source", "ContactSource", "Source of contact"],
    },
    2: {
        **_CHILD,
        "start": [
            "Assessment start date",
            "AssessmentStartDate",
            "Early help assessment start date",
        ],
        "end": [
            "Assessment completion date",
            "AssessmentCompletionDate",
            "Early help assessment completion date",
        ],
        "organisation": [
            "Organisation completing assessment",
            "OrganisationCompletingAssessment",
        ],
    },
    3: {
        **_CHILD,
        "referral_date": ["Date of Referral", "ReferralDate", "Referral date"],
        "referral_source": ["Referral Source", "ReferralSource", "Source of referral"],
        "referral_nfa": [
            "Referral NFA?",
            "Referral NFA",
            "ReferralNFA",
            "Referral resulting in NFA",
        ],
        "referrals_12m": [
            "Number of Referrals in Last 12 Months",
            "ReferralsLast12Months",
            "Number of referrals in the last 12 months",
        ],
        **_ALLOCATED,
    },
    4: {
        **_CHILD,
        **_DISABILITY,
        "start": [
            "Continuous Assessment Start Date",
            "ContinuousAssessmentStart",
            "ContinuousAssessmentStartDate",
            "Assessment start date",
        ],
        "seen": [
            "Child Seen During Continuous Assessment",
            "ContinuousAssessmentChildSeen",
            "Child seen during assessment",
        ],
        "authorised": [
            "Continuous Assessment Date of Authorisation",
            "ContinuousAssessmentAuthDate",
            "Assessment date of authorisation",
            "Assessment authorisation date",
        ],
        "support_needed": [
            "Was the child assessed as requiring LA children's social care support?",
            "CSCSupportRequired",
            "Child assessed as requiring children's social care support",
        ],
        **_ALLOCATED,
    },
    5: {
        **_CHILD,
        **_DISABILITY,
        "s47_start": [
            "Strategy discussion initiating Section 47 Enquiry Start Date",
            "StratDiscussionDate",
            "Section 47 enquiry start date",
            "S47 start date",
        ],
        "icpc_unnecessary": [
            "Was an Initial Child Protection Conference deemed unnecessary?",
            "InitialCPConfUnnecessary",
            "ICPC deemed unnecessary",
        ],
        "icpc_date": [
            "Date of Initial Child Protection Conference",
            "InitialCPConfDate",
            "Date of ICPC",
        ],
        "icpc_plan": [
            "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            "CPConfResultInCPPlan",
            "Did the ICPC result in a child protection plan",
        ],
        "s47_12m": ["Number of Section 47 Enquiries in the last 12 months", "NumberS47s12m"],
        "icpc_12m": ["Number of ICPCs in the last 12 months", "NumberICPCs12m"],
        **_ALLOCATED,
    },
    6: {
        **_CHILD,
        **_DISABILITY,
        "cin_start": ["CIN Start Date", "CINStartDate", "Child in need start date"],
        "primary_need": ["Primary Need Code", "PrimaryNeedCode", "Primary need"],
        "last_seen": ["Date Child Was Last Seen", "DateChildLastSeen", "Date child last seen"],
        "cin_closure": ["CIN Closure Date", "CINClosureDate", "Child in need closure date"],
        "closure_reason": ["Reason for Closure", "ReasonForClosure", "Closure reason"],
        "case_status": ["Case Status", "CaseStatus"],
        "plan_start": ["CIN Plan Start Date", "CINPlanStartDate", "Child in need plan start date"],
        "plan_end": ["CIN Plan End Date", "CINPlanEndDate", "Child in need plan end date"],
        **_ALLOCATED,
    },
    7: {
        **_CHILD,
        **_DISABILITY,
        "plan_start": [
            "Child Protection Plan Start Date",
            "ChildProtectionPlanStartDate",
            "CP plan start date",
        ],
        "initial_category": ["Initial Category of Abuse", "InitialCategoryOfAbuse"],
        "latest_category": ["Latest Category of Abuse", "LatestCategoryOfAbuse"],
        "last_visit": [
            "Date of the Last Statutory Visit",
            "DateOfLastStatutoryVisit",
            "Date of last statutory visit",
        ],
        "seen_alone": ["Was the Child Seen Alone?", "ChildSeenAlone", "Child seen alone"],
        "last_review": [
            "Date of latest review conference",
            "DateOfLatestReviewConf",
            "Date of latest review child protection conference",
        ],
        "plan_end": [
            "Child Protection Plan End Date",
            "ChildProtectionPlanEndDate",
            "CP plan end date",
        ],
        "protected": [
            "Subject to Emergency Protection Order or Protected Under Police Powers in Last "
            "Six Months (Y/N)",
            "ProtectionLastSixMonths",
        ],
        "previous_plans": [
            "Number of Previous Child Protection Plans",
            "NumberOfPreviousChildProtectionPlans",
        ],
        **_ALLOCATED,
    },
    8: {
        **_CHILD,
        **_DISABILITY,
        "uasc": [
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
            "UASC",
        ],
        "cla_start": [
            "Date Started to be Looked After",
            "LoookedAfterStartDate",
            "LookedAfterStartDate",
            "Date started to be looked after",
        ],
        "need": ["Child's Category of Need", "ChildCategoryOfNeed", "Category of need"],
        "subsequent": [
            "Is this a second or subsequent period of being a Looked After Child within the "
            "last 12 months (Y/N)",
            "SubsequentLACEpisodeLast12Months",
        ],
        "legal_status_start": ["Start date of current legal status", "MostRecentLegalStatusStart"],
        "legal_status": ["Child's Legal Status", "LegalStatus"],
        "last_review": ["Date of Latest Statutory Review", "LatestStatutoryReviewDate"],
        "last_visit": ["Date of Last Social Work Visit", "LastSocialWorkVisitDate"],
        "permanence_plan": ["What is the permanence plan for this child?", "PermanencePlan"],
        "last_iro_contact": [
            "Date of Last IRO Visit / Contact to the Child",
            "LastIROVisitDate",
            "Date of last IRO visit",
        ],
        "last_health": ["Date of Last Health Assessment", "LastHealthAssessmentDate"],
        "last_dental": ["Date of Last Dental Check", "LastDentalCheckDate"],
        "placements_12m": ["Number of Placements in the Last 12 months", "PlacementsLast12Months"],
        "cla_end": ["Date Ceased to be Looked After", "CeasedLookedAfterDate"],
        "cla_end_reason": ["Reason Ceased to be Looked After", "ReasonCeasedLookedAfter"],
        "placement_start": ["Start Date of Most Recent Placement", "MostRecentPlacementStartDate"],
        "placement_type": ["Placement Type", "PlacementType"],
        "placement_provider": ["Placement Provider", "PlacementProvider"],
        "placement_postcode": ["Placement postcode", "PlacementPostcode"],
        "placement_urn": ["URN of Placement", "PlacementURN"],
        "placement_location": ["Placement Location", "PlacementLocation"],
        "placement_la": ["LA of Placement", "PlacementLA"],
        "missing_12m": [
            "Number of Episodes the Child has been Missing from their Placement in the last "
            "12 months",
            "EpisodesChildMissingFromPlacement",
        ],
        "absent_12m": [
            "Number of Episodes the Child has been Absent from their Placement in the last "
            "12 months",
            "EpisodesChildAbsentFromPlacement",
        ],
        "return_offered": [
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            "ChildOfferedReturnInterviewAfterLastMFH",
        ],
        "return_accepted": [
            "Did the child accept a Return Interview after their last missing episode (Y/N)?",
            "ChildAcceptedReturnInterviewAfterLastMFH",
        ],
        **_ALLOCATED,
    },
    9: {
        **_CHILD,
        **_DISABILITY,
        "uasc": [
            "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
            "UASC",
        ],
        **_ALLOCATED,
        "adviser": [
            "Allocated Personal Advisor",
            "Allocated Personal Adviser",
            "AllocatedPersonalAdvisor",
            "Personal adviser",
        ],
        "eligibility": ["Eligibility Category", "EligibilityCategory"],
        "pathway_review": [
            "Latest Pathway Plan Review Date",
            "LatestPathwayPlan",
            "Date of latest pathway plan review",
        ],
        "in_touch": ["LA in Touch", "LAInTouch", "In touch"],
        "latest_contact": ["Latest Date of Contact", "LatestContact", "Date of latest contact"],
        "accommodation": ["Type of Accommodation", "TypeOfAccommodation"],
        "suitable": ["Suitability of Accommodation", "SuitabilityOfAccommodation"],
        "activity": ["Activity Status", "ActivityStatus"],
    },
    10: {
        **_CHILD,
        **_DISABILITY,
        "family_id": ["Family identifier", "FamilyID", "Family ID"],
        "entered_care": ["Date the Child Entered Care", "EnteredCareDate"],
        "decision": [
            "Date of Decision that Child Should be Placed for Adoption",
            "ADMSHOBPADecisionDate",
        ],
        "placement_order": ["Date of Placement Order", "PlacementOrderDate"],
        "matched": ["Date of Matching Child and Prospective Adopters", "MatchedForAdoptionDate"],
        "placed": ["Date Placed for Adoption", "PlacedForAdoptionDate"],
        "adoption_order": ["Date of Adoption Order", "AdoptionOrderDate"],
        "reversed": [
            "Date of Decision that Child Should No Longer be Placed for Adoption",
            "DecisionReversedDate",
        ],
        "reversed_reason": [
            "Reason Why Child No Longer Placed for Adoption",
            "DecisionReversedReason",
        ],
        "ffa": [
            "Date the child was placed for fostering in FFA or concurrent planning placement",
            "DateFFAConsurrencyPlacement",
            "DateFFAConcurrencyPlacement",
        ],
    },
    11: {
        "adopter_id": ["Individual adopter identifier", "AdopterID", "Adopter identifier"],
        "family_id": ["Family identifier", "FamilyID", "Family ID"],
        "sex": _CHILD["sex"],
        "ethnicity": _CHILD["ethnicity"],
        "dob": _CHILD["dob"],
        "age": _CHILD["age"],
        "disability": ["Disability", "HasDisability"],
        "ffa": ["Is the (prospective) adopter fostering for adoption?", "AdoptedByCarer"],
        "enquiry": ["Date enquiry received", "EnquiryDate"],
        "stage1_start": ["Date Stage 1 started", "Stage1StartDate"],
        "stage1_end": ["Date Stage 1 ended", "Stage1EndDate"],
        "stage2_start": ["Date Stage 2 started", "Stage2StartDate"],
        "stage2_end": ["Date Stage 2 ended", "Stage2EndDate"],
        "application": ["Date application submitted", "ApplicationDate"],
        "approved": ["Date application approved", "ApplicationApprDate"],
        "matched": ["Date adopter matched with child(ren)", "MatchedDate"],
        "placed": ["Date child/children placed with adopter(s)", "PlacedDate"],
        "children_placed": ["No. of children placed", "NumSiblingsPlaced"],
        "adoption_order": ["Date of Adoption Order", "AdoptionOrderDate"],
        "left": ["Date of leaving adoption process", "AdoptionLeaveDate"],
        "left_reason": ["Reason for leaving adoption process", "AdoptingLeaveReason"],
    },
}
SPECS: dict[int, tuple[Field, ...]] = {n: fields(spec) for n, spec in LISTS.items()}
TITLES = {
    1: "contacts",
    2: "early help assessments",
    3: "referrals",
    4: "assessments",
    5: "section 47 enquiries and ICPCs",
    6: "children in need",
    7: "child protection",
    8: "children in care",
    9: "care leavers",
    10: "adoption",
    11: "adopters",
}

# The child's own columns, common to every list but 11: they do not tell lists apart.
PERSON_FIELDS = frozenset({*_CHILD, *_DISABILITY, *_ALLOCATED})
