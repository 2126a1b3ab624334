"""Every evidence key, event, standard, episode, template and role the frameworks name exists."""

from __future__ import annotations

from functools import cache

from casework.accounts.roles import Role
from casework.quality.frameworks import (
    ROLES,
    available_templates,
    load_audit_programme,
    load_audit_template,
    load_self_assessment,
)
from casework.standards import load_pack, vocabulary


@cache
def standard_ids(pack: str) -> frozenset[str]:
    return frozenset(s.id for s in load_pack(pack).standards)


def standard_exists(ref: str) -> bool:
    pack, _, standard_id = ref.partition("/")
    return standard_id in standard_ids(pack)


def test_every_evidence_key_a_criterion_names_is_defined() -> None:
    framework = load_self_assessment()
    for criterion in framework.criteria:
        for key in criterion.evidence:
            assert key in framework.evidence, (criterion.number, key)


def test_every_event_and_standard_behind_the_self_assessment_evidence_exists() -> None:
    events = vocabulary().events
    for source in load_self_assessment().evidence.values():
        for event in source.events:
            assert event in events, (source.key, event)
        for ref in source.standards:
            assert standard_exists(ref), (source.key, ref)


def test_every_event_standard_and_episode_an_audit_question_names_exists() -> None:
    vocab = vocabulary()
    for question in load_audit_template().questions:
        for episode in question.applies_to:
            assert episode in vocab.episodes, (question.id, episode)
        if question.evidence is None:
            continue
        for event in question.evidence.events:
            assert event in vocab.events, (question.id, event)
        for ref in question.evidence.standards:
            assert standard_exists(ref), (question.id, ref)


def test_every_audit_names_an_existing_template_and_existing_roles() -> None:
    templates = set(available_templates())
    programme = load_audit_programme()
    for audit in programme.audits:
        assert not audit.template or audit.template in templates
        assert set(audit.roles) <= ROLES
    assert set(programme.below_standard.notify_roles) <= ROLES


def test_the_loader_s_list_of_roles_is_the_accounts_roles() -> None:
    assert {role.value for role in Role} == ROLES
