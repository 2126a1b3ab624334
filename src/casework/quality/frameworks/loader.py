"""Load and validate the quality frameworks. Every problem names the file and line.

Three kinds of file: a self-assessment framework (climbie-2003.yaml), an audit template
(case-file-audit.yaml) and an audit programme (audit-programme.yaml). Events must be in the
event vocabulary and standards (written "pack/id") in a bundled standards pack.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TypeVar

from casework.quality.frameworks.model import (
    MONTHS,
    Analysis,
    AuditProgramme,
    AuditQuestion,
    AuditTemplate,
    AuditType,
    BelowStandard,
    Cadence,
    Criterion,
    EvidenceSource,
    FrameworkStandard,
    Grade,
    GradeScale,
    QuestionEvidence,
    RatingScale,
    Recommendation,
    Sample,
    ScalePoint,
    SelfAssessmentFramework,
    TimetableMonth,
)
from casework.standards.loader import PackError, Problem, available_packs, load_pack
from casework.standards.model import Source
from casework.standards.timescale import Timescale, TimescaleError
from casework.standards.vocabulary import Vocabulary, vocabulary
from casework.standards.yamlnodes import LineDict, LineList, YamlError, load_yaml

FRAMEWORKS_DIR = Path(__file__).parent
SELF_ASSESSMENT = FRAMEWORKS_DIR / "climbie-2003.yaml"
AUDIT_TEMPLATE = FRAMEWORKS_DIR / "case-file-audit.yaml"
AUDIT_PROGRAMME = FRAMEWORKS_DIR / "audit-programme.yaml"

# The roles of casework.accounts.roles.Role (kept here so this module needs no Django).
ROLES = frozenset(
    {
        "social_worker",
        "assistant_team_manager",
        "team_manager",
        "service_manager",
        "head_of_service",
        "reviewing_officer",
        "lado",
        "quality_assurance",
        "performance_analyst",
        "administrator",
        "councillor",
    }
)
SCALE_SOURCES = ("seed", "casework")

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_CRITERION = re.compile(r"^([1-9][0-9]*)\.([1-9][0-9]*)$")

T = TypeVar("T")


class FrameworkError(ValueError):
    """A framework file that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def load_self_assessment(path: Path | str = SELF_ASSESSMENT) -> SelfAssessmentFramework:
    reader = _Reader(Path(path))
    return reader.finish(reader.self_assessment(reader.document()))


def load_audit_template(path: Path | str = AUDIT_TEMPLATE) -> AuditTemplate:
    reader = _Reader(Path(path))
    return reader.finish(reader.audit_template(reader.document()))


def load_audit_programme(
    path: Path | str = AUDIT_PROGRAMME, templates: Iterable[str] | None = None
) -> AuditProgramme:
    """Load a programme. Its audits may name a template from `templates` (by default the
    templates in this folder)."""
    known = set(templates) if templates is not None else set(available_templates())
    reader = _Reader(Path(path))
    return reader.finish(reader.audit_programme(reader.document(), known))


def available_templates() -> list[str]:
    """The names of the audit templates bundled in this folder."""
    names = []
    for path in sorted(FRAMEWORKS_DIR.glob("*.yaml")):
        doc = load_yaml(path)
        if isinstance(doc, LineDict) and isinstance(doc.get("template"), str):
            names.append(str(doc["template"]))
    return names


@cache
def _bundled_pack_ids(pack: str) -> frozenset[str] | None:
    """The standard ids of a bundled standards pack, or None if there is no such pack."""
    if pack not in available_packs():
        return None
    try:
        loaded = load_pack(pack)
    except PackError:
        return None
    return frozenset(s.id for s in loaded.standards)


class _Reader:
    def __init__(self, path: Path, vocab: Vocabulary | None = None) -> None:
        self.path = path
        self.file = str(path)
        self.vocab = vocab if vocab is not None else vocabulary()
        self.problems: list[Problem] = []

    # --- plumbing ---------------------------------------------------------------------

    def fail(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def finish(self, result: T | None) -> T:
        if self.problems or result is None:
            raise FrameworkError(self.problems)
        return result

    def document(self) -> LineDict | None:
        try:
            doc = load_yaml(self.path)
        except YamlError as exc:
            self.problems.append(Problem(exc.path, exc.line, exc.message))
            return None
        except OSError as exc:
            self.fail(0, f"cannot read the file: {exc.strerror}")
            return None
        if not isinstance(doc, LineDict):
            self.fail(1, "the file must be a mapping of keys to values")
            return None
        return doc

    def keys(self, raw: LineDict, allowed: set[str], what: str) -> None:
        for key in raw:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.fail(raw.line_of(key), f"unknown key '{key}' in {what}; use {known}")

    def text(self, raw: LineDict, key: str, what: str, *, required: bool = True) -> str:
        value = raw.get(key)
        if value is None:
            if required:
                self.fail(raw.line, f"{what} needs '{key}:'")
            return ""
        if isinstance(value, (LineDict, LineList, bool)):
            self.fail(raw.line_of(key), f"{what}: '{key}' must be text")
            return ""
        cleaned = " ".join(str(value).split())
        if required and not cleaned:
            self.fail(raw.line_of(key), f"{what}: '{key}' is empty")
        return cleaned

    def flag(self, raw: LineDict, key: str, what: str) -> bool:
        value = raw.get(key, False)
        if not isinstance(value, bool):
            self.fail(raw.line_of(key), f"{what}: '{key}' must be true or false")
            return False
        return value

    def texts(self, raw: LineDict, key: str, what: str, *, required: bool = False) -> list[str]:
        value = raw.get(key)
        if value is None:
            if required:
                self.fail(raw.line, f"{what} needs '{key}:'")
            return []
        if not isinstance(value, LineList) or not all(
            isinstance(v, str) and v.strip() for v in value
        ):
            self.fail(raw.line_of(key), f"{what}: '{key}' must be a list of text")
            return []
        if required and not value:
            self.fail(raw.line_of(key), f"{what}: '{key}' is empty")
        return [" ".join(v.split()) for v in value]

    def mapping(self, raw: LineDict, key: str, what: str) -> LineDict | None:
        value = raw.get(key)
        if not isinstance(value, LineDict):
            where = raw.line_of(key) if key in raw else raw.line
            self.fail(where, f"{what} needs '{key}:' as a mapping")
            return None
        return value

    def items(
        self, raw: LineDict, key: str, what: str, read: Callable[[LineDict], T | None]
    ) -> list[T]:
        value = raw.get(key)
        if not isinstance(value, LineList) or not value:
            where = raw.line_of(key) if key in raw else raw.line
            self.fail(where, f"{what} needs '{key}:' as a list with at least one entry")
            return []
        out: list[T] = []
        for index, entry in enumerate(value):
            if not isinstance(entry, LineDict):
                self.fail(value.item_lines[index], f"each entry of '{key}' must be a mapping")
                continue
            item = read(entry)
            if item is not None:
                out.append(item)
        return out

    def events(self, names: list[str], line: int, what: str) -> None:
        for name in names:
            if name not in self.vocab.events:
                self.fail(line, f"{what}: unknown event '{name}' (see standards/vocabulary.yaml)")

    def standards(self, refs: list[str], line: int, what: str) -> None:
        for ref in refs:
            pack, _, standard_id = ref.partition("/")
            if not pack or not standard_id:
                self.fail(line, f"{what}: write the standard '{ref}' as pack/id")
                continue
            ids = self._pack_ids(pack)
            if ids is None:
                self.fail(line, f"{what}: unknown standards pack '{pack}' in '{ref}'")
            elif standard_id not in ids:
                self.fail(line, f"{what}: pack '{pack}' has no standard '{standard_id}'")

    def _pack_ids(self, pack: str) -> frozenset[str] | None:
        return _bundled_pack_ids(pack)

    def source(self, raw: LineDict, what: str, document: str, section: str = "") -> Source:
        self.keys(raw, {"document", "section", "number", "quote"}, f"{what} source")
        section = self.text(raw, "section", what, required=False) or section
        if not section:
            self.fail(raw.line, f"{what}: its source needs 'section:'")
        number = self.text(raw, "number", what, required=False)
        quote = self.text(raw, "quote", what, required=False)
        return Source(
            document=self.text(raw, "document", what, required=False) or document,
            section=section,
            number=number,
            quote=quote,
        )

    def sources(self, raw: LineDict, what: str, document: str, section: str) -> tuple[Source, ...]:
        return tuple(
            self.items(raw, "sources", what, lambda s: self.source(s, what, document, section))
        )

    def name(self, raw: LineDict, key: str, what: str) -> str:
        value = self.text(raw, key, what)
        if value and not _ID.match(value):
            self.fail(raw.line_of(key), f"{what}: '{value}' must be lower-case words joined by -")
        return value

    # --- the self-assessment framework ------------------------------------------------

    def self_assessment(self, doc: LineDict | None) -> SelfAssessmentFramework | None:
        if doc is None:
            return None
        what = "the framework"
        self.keys(
            doc,
            {
                "framework",
                "title",
                "issued",
                "document",
                "description",
                "scale",
                "evidence",
                "recommendations",
                "standards",
            },
            what,
        )
        name = self.name(doc, "framework", what)
        title = self.text(doc, "title", what)
        document = self.text(doc, "document", what)
        scale = self.rating_scale(doc)
        evidence = self.evidence_sources(doc)
        recommendations: dict[int, Recommendation] = {}
        for rec in self.items(doc, "recommendations", what, self.recommendation):
            if rec.number in recommendations:
                self.fail(doc.line_of("recommendations"), f"recommendation {rec.number} twice")
            recommendations[rec.number] = rec
        standards = self.items(doc, "standards", what, self.framework_standard)
        self.check_criteria(standards, recommendations, evidence)
        if scale is None:
            return None
        return SelfAssessmentFramework(
            name=name,
            title=title,
            issued=self.text(doc, "issued", what, required=False),
            document=document,
            description=self.text(doc, "description", what, required=False),
            scale=scale,
            evidence=evidence,
            recommendations=recommendations,
            standards=tuple(standards),
            path=self.file,
        )

    def rating_scale(self, doc: LineDict) -> RatingScale | None:
        raw = self.mapping(doc, "scale", "the framework")
        if raw is None:
            return None
        self.keys(raw, {"source", "note", "points"}, "the scale")
        source = self.scale_source(raw, "the scale")
        points = self.items(raw, "points", "the scale", self.scale_point)
        scores = [p.score for p in points]
        if scores and scores != list(range(1, len(scores) + 1)):
            self.fail(raw.line_of("points"), "the scale's scores must run 1, 2, 3... in order")
        return RatingScale(
            source=source,
            note=self.text(raw, "note", "the scale", required=False),
            points=tuple(points),
        )

    def scale_source(self, raw: LineDict, what: str) -> str:
        source = self.text(raw, "source", what)
        if source and source not in SCALE_SOURCES:
            self.fail(
                raw.line_of("source"),
                f"{what}: 'source' must be seed (the document gives it) or casework",
            )
        return source

    def scale_point(self, raw: LineDict) -> ScalePoint | None:
        what = "a point of the scale"
        self.keys(raw, {"score", "label", "descriptor"}, what)
        score = raw.get("score")
        if not isinstance(score, int) or isinstance(score, bool):
            self.fail(raw.line, f"{what} needs 'score:' as a whole number")
            return None
        what = f"scale point {score}"
        return ScalePoint(
            score=score,
            label=self.text(raw, "label", what),
            descriptor=self.text(raw, "descriptor", what),
        )

    def evidence_sources(self, doc: LineDict) -> dict[str, EvidenceSource]:
        raw = doc.get("evidence", LineDict())
        if not isinstance(raw, LineDict):
            self.fail(doc.line_of("evidence"), "'evidence:' must map each key to its figure")
            return {}
        out: dict[str, EvidenceSource] = {}
        for key, spec in raw.items():
            line = raw.line_of(key)
            what = f"evidence '{key}'"
            if not _ID.match(key):
                self.fail(line, f"{what}: the key must be lower-case words joined by -")
            if not isinstance(spec, LineDict):
                self.fail(line, f"{what} must be a mapping with 'title:' and 'basis:'")
                continue
            self.keys(spec, {"title", "basis", "events", "standards"}, what)
            events = self.texts(spec, "events", what)
            standards = self.texts(spec, "standards", what)
            self.events(events, spec.line_of("events"), what)
            self.standards(standards, spec.line_of("standards"), what)
            out[key] = EvidenceSource(
                key=key,
                title=self.text(spec, "title", what),
                basis=self.text(spec, "basis", what),
                events=tuple(events),
                standards=tuple(standards),
            )
        return out

    def recommendation(self, raw: LineDict) -> Recommendation | None:
        what = "a recommendation"
        self.keys(raw, {"number", "paragraph", "text", "timescale"}, what)
        number = raw.get("number")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            self.fail(raw.line, f"{what} needs 'number:' as a whole number")
            return None
        what = f"recommendation {number}"
        return Recommendation(
            number=number,
            paragraph=self.text(raw, "paragraph", what),
            text=self.text(raw, "text", what),
            timescale=self.text(raw, "timescale", what, required=False),
        )

    def framework_standard(self, raw: LineDict) -> FrameworkStandard | None:
        what = "a standard"
        self.keys(raw, {"number", "title", "statement", "criteria"}, what)
        number = raw.get("number")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            self.fail(raw.line, f"{what} needs 'number:' as a whole number")
            return None
        what = f"standard {number}"
        criteria = self.items(raw, "criteria", what, lambda c: self.criterion(c, number))
        return FrameworkStandard(
            number=number,
            title=self.text(raw, "title", what),
            statement=self.text(raw, "statement", what),
            criteria=tuple(criteria),
        )

    def criterion(self, raw: LineDict, standard: int) -> Criterion | None:
        what = f"a criterion of standard {standard}"
        self.keys(raw, {"number", "text", "recommendations", "evidence"}, what)
        number = raw.get("number")
        if not isinstance(number, str):
            hint = f' (write it in quotes, such as "{standard}.10")' if number is not None else ""
            self.fail(raw.line_of("number"), f"{what} needs 'number:' as quoted text{hint}")
            return None
        match = _CRITERION.match(number)
        if match is None:
            self.fail(raw.line_of("number"), f"criterion '{number}' must be numbered like 1.1")
            return None
        if int(match.group(1)) != standard:
            self.fail(
                raw.line_of("number"), f"criterion {number} is not numbered for standard {standard}"
            )
        what = f"criterion {number}"
        recs = raw.get("recommendations")
        if (
            not isinstance(recs, LineList)
            or not recs
            or not all(isinstance(r, int) and not isinstance(r, bool) for r in recs)
        ):
            where = raw.line_of("recommendations") if "recommendations" in raw else raw.line
            self.fail(where, f"{what} needs 'recommendations:' as a list of numbers")
            recs = LineList()
        return Criterion(
            number=number,
            standard=standard,
            text=self.text(raw, "text", what),
            recommendations=tuple(int(r) for r in recs),
            evidence=tuple(self.texts(raw, "evidence", what)),
            line=raw.line,
        )

    def check_criteria(
        self,
        standards: list[FrameworkStandard],
        recommendations: dict[int, Recommendation],
        evidence: dict[str, EvidenceSource],
    ) -> None:
        numbers = [s.number for s in standards]
        if numbers and numbers != list(range(1, len(numbers) + 1)):
            self.fail(0, f"standards must be numbered 1, 2, 3... in order, not {numbers}")
        seen: dict[str, int] = {}
        used_recs: set[int] = set()
        used_evidence: set[str] = set()
        for standard in standards:
            expected = 1
            for criterion in standard.criteria:
                if criterion.number in seen:
                    self.fail(
                        criterion.line,
                        f"criterion {criterion.number} appears twice "
                        f"(first at line {seen[criterion.number]})",
                    )
                    continue
                seen[criterion.number] = criterion.line
                _, _, tail = criterion.number.partition(".")
                if tail.isdigit() and int(tail) != expected:
                    self.fail(
                        criterion.line,
                        f"criterion {criterion.number} is out of order: "
                        f"expected {standard.number}.{expected}",
                    )
                expected = int(tail) + 1 if tail.isdigit() else expected + 1
                for rec in criterion.recommendations:
                    used_recs.add(rec)
                    if rec not in recommendations:
                        self.fail(
                            criterion.line,
                            f"criterion {criterion.number}: recommendation {rec} is not listed "
                            "under 'recommendations:'",
                        )
                for key in criterion.evidence:
                    used_evidence.add(key)
                    if key not in evidence:
                        known = ", ".join(evidence)
                        self.fail(
                            criterion.line,
                            f"criterion {criterion.number}: unknown evidence '{key}'; "
                            f"known: {known}",
                        )
        for number in sorted(set(recommendations) - used_recs):
            self.fail(0, f"recommendation {number} is not tied to any criterion")
        for key in sorted(set(evidence) - used_evidence):
            self.fail(0, f"evidence '{key}' is not named by any criterion")

    # --- the audit template -----------------------------------------------------------

    def audit_template(self, doc: LineDict | None) -> AuditTemplate | None:
        if doc is None:
            return None
        what = "the audit template"
        self.keys(
            doc,
            {"template", "title", "document", "description", "source", "grades", "questions"},
            what,
        )
        name = self.name(doc, "template", what)
        title = self.text(doc, "title", what)
        document = self.text(doc, "document", what)
        raw_source = self.mapping(doc, "source", what)
        source = self.source(raw_source, what, document) if raw_source else None
        grades = self.grade_scale(doc)
        section = source.section if source else ""
        questions = self.items(
            doc, "questions", what, lambda q: self.question(q, document, section)
        )
        seen: dict[str, int] = {}
        for question in questions:
            if question.id in seen:
                self.fail(
                    question.line,
                    f"question '{question.id}' appears twice (first at line {seen[question.id]})",
                )
            seen.setdefault(question.id, question.line)
        if source is None or grades is None:
            return None
        return AuditTemplate(
            name=name,
            title=title,
            document=document,
            description=self.text(doc, "description", what, required=False),
            source=source,
            grades=grades,
            questions=tuple(questions),
            path=self.file,
        )

    def grade_scale(self, doc: LineDict) -> GradeScale | None:
        raw = self.mapping(doc, "grades", "the audit template")
        if raw is None:
            return None
        self.keys(raw, {"source", "note", "points"}, "the grades")
        source = self.scale_source(raw, "the grades")
        points = self.items(raw, "points", "the grades", self.grade)
        if points and not any(p.below_standard for p in points):
            self.fail(raw.line_of("points"), "at least one grade must be below standard")
        if points and all(p.below_standard for p in points):
            self.fail(raw.line_of("points"), "at least one grade must meet the standard")
        if len({p.grade for p in points}) != len(points):
            self.fail(raw.line_of("points"), "each grade must have its own 'grade:' name")
        return GradeScale(
            source=source,
            note=self.text(raw, "note", "the grades", required=False),
            points=tuple(points),
        )

    def grade(self, raw: LineDict) -> Grade | None:
        what = "a grade"
        self.keys(raw, {"grade", "label", "descriptor", "below_standard"}, what)
        grade = self.name(raw, "grade", what)
        if not grade:
            return None
        what = f"grade '{grade}'"
        if "below_standard" not in raw:
            self.fail(raw.line, f"{what} needs 'below_standard:' (true or false)")
        return Grade(
            grade=grade,
            label=self.text(raw, "label", what),
            descriptor=self.text(raw, "descriptor", what),
            below_standard=self.flag(raw, "below_standard", what),
        )

    def question(self, raw: LineDict, document: str, section: str) -> AuditQuestion | None:
        what = "a question"
        self.keys(raw, {"id", "question", "source", "evidence", "applies_to"}, what)
        qid = self.name(raw, "id", what)
        if not qid:
            return None
        what = f"question '{qid}'"
        raw_source = raw.get("source")
        if not isinstance(raw_source, LineDict):
            self.fail(raw.line, f"{what} needs 'source:' citing the document")
            return None
        source = self.source(raw_source, what, document, section)
        if not source.number and not source.quote:
            self.fail(raw_source.line, f"{what}: its source needs 'number:' or 'quote:'")
        applies_to = self.texts(raw, "applies_to", what)
        for episode in applies_to:
            if episode not in self.vocab.episodes:
                known = ", ".join(self.vocab.episodes)
                self.fail(
                    raw.line_of("applies_to"), f"{what}: unknown episode '{episode}'; use {known}"
                )
        evidence: QuestionEvidence | None = None
        if "evidence" in raw:
            evidence = self.question_evidence(raw, what)
        return AuditQuestion(
            id=qid,
            question=self.text(raw, "question", what),
            source=source,
            evidence=evidence,
            applies_to=tuple(applies_to),
            line=raw.line,
        )

    def question_evidence(self, raw: LineDict, what: str) -> QuestionEvidence | None:
        spec = self.mapping(raw, "evidence", what)
        if spec is None:
            return None
        what = f"{what} evidence"
        self.keys(spec, {"covers", "events", "standards"}, what)
        events = self.texts(spec, "events", what)
        standards = self.texts(spec, "standards", what)
        if not events and not standards:
            self.fail(spec.line, f"{what} needs 'events:' or 'standards:'")
        self.events(events, spec.line_of("events"), what)
        self.standards(standards, spec.line_of("standards"), what)
        return QuestionEvidence(
            covers=self.text(spec, "covers", what),
            events=tuple(events),
            standards=tuple(standards),
        )

    # --- the audit programme ----------------------------------------------------------

    def audit_programme(self, doc: LineDict | None, templates: set[str]) -> AuditProgramme | None:
        if doc is None:
            return None
        what = "the audit programme"
        self.keys(
            doc,
            {
                "programme",
                "title",
                "document",
                "description",
                "section",
                "sources",
                "audits",
                "below_standard",
                "timetable",
            },
            what,
        )
        name = self.name(doc, "programme", what)
        title = self.text(doc, "title", what)
        document = self.text(doc, "document", what)
        section = self.text(doc, "section", what, required=False)
        sources = self.sources(doc, what, document, section) if "sources" in doc else ()
        audits = self.items(doc, "audits", what, lambda a: self.audit_type(a, document, templates))
        seen: dict[str, int] = {}
        for audit in audits:
            if audit.id in seen:
                self.fail(
                    audit.line, f"audit '{audit.id}' appears twice (first at line {seen[audit.id]})"
                )
            seen.setdefault(audit.id, audit.line)
        below = self.below_standard(doc, document)
        # Audits with other problems still count as named, so the timetable is not blamed.
        raw_audits = doc.get("audits")
        named = {
            str(entry["id"])
            for entry in (raw_audits if isinstance(raw_audits, LineList) else [])
            if isinstance(entry, LineDict) and "id" in entry
        }
        timetable, timetable_source = self.timetable(doc, document, named)
        if below is None or timetable_source is None:
            return None
        return AuditProgramme(
            name=name,
            title=title,
            document=document,
            description=self.text(doc, "description", what, required=False),
            sources=sources,
            audits=tuple(audits),
            below_standard=below,
            timetable=timetable,
            timetable_source=timetable_source,
            path=self.file,
        )

    def cadence(self, raw: LineDict, key: str, what: str) -> Cadence | None:
        value = raw.get(key)
        try:
            return Cadence(str(value))
        except ValueError:
            known = ", ".join(c.value for c in Cadence)
            where = raw.line_of(key) if key in raw else raw.line
            self.fail(where, f"{what}: '{key}' must be one of {known}")
            return None

    def roles(self, raw: LineDict, key: str, what: str) -> list[str]:
        roles = self.texts(raw, key, what)
        for role in roles:
            if role not in ROLES:
                known = ", ".join(sorted(ROLES))
                self.fail(raw.line_of(key), f"{what}: unknown role '{role}'; use {known}")
        return roles

    def audit_type(self, raw: LineDict, document: str, templates: set[str]) -> AuditType | None:
        what = "an audit"
        self.keys(
            raw,
            {
                "id",
                "title",
                "section",
                "cadence",
                "auditors",
                "coordinator",
                "roles",
                "template",
                "multi_agency",
                "sample",
                "analysis",
                "sources",
            },
            what,
        )
        aid = self.name(raw, "id", what)
        if not aid:
            return None
        what = f"audit '{aid}'"
        section = self.text(raw, "section", what)
        cadence = self.cadence(raw, "cadence", what)
        template = self.text(raw, "template", what, required=False)
        if template and template not in templates:
            known = ", ".join(sorted(templates)) or "none"
            self.fail(
                raw.line_of("template"), f"{what}: unknown template '{template}'; known: {known}"
            )
        sample_raw = self.mapping(raw, "sample", what)
        sample = self.sample(sample_raw, what) if sample_raw is not None else None
        analysis: Analysis | None = None
        if "analysis" in raw:
            analysis = self.analysis(raw, what)
        sources = self.sources(raw, what, document, section)
        title = self.text(raw, "title", what)
        auditors = tuple(self.texts(raw, "auditors", what, required=True))
        roles = tuple(self.roles(raw, "roles", what))
        coordinator = self.text(raw, "coordinator", what, required=False)
        multi_agency = self.flag(raw, "multi_agency", what)
        if cadence is None or sample is None:
            return None
        return AuditType(
            id=aid,
            title=title,
            section=section,
            cadence=cadence,
            auditors=auditors,
            roles=roles,
            sample=sample,
            sources=sources,
            coordinator=coordinator,
            template=template,
            multi_agency=multi_agency,
            analysis=analysis,
            line=raw.line,
        )

    def sample(self, raw: LineDict, what: str) -> Sample | None:
        what = f"{what} sample"
        self.keys(
            raw,
            {
                "what",
                "files",
                "per",
                "minimum",
                "random",
                "all_in_period",
                "chosen_by",
                "publish_before",
            },
            what,
        )
        files = raw.get("files")
        if files is not None and (
            not isinstance(files, int) or isinstance(files, bool) or files < 1
        ):
            self.fail(raw.line_of("files"), f"{what}: 'files' must be a whole number of files")
            files = None
        per = self.text(raw, "per", what, required=False)
        if files is not None and not per:
            self.fail(raw.line_of("files"), f"{what}: say what the {files} files are 'per:'")
        publish_before: Timescale | None = None
        if "publish_before" in raw:
            try:
                publish_before = Timescale.parse(str(raw["publish_before"]))
            except TimescaleError as exc:
                self.fail(raw.line_of("publish_before"), f"{what}: {exc}")
        return Sample(
            what=self.text(raw, "what", what),
            files=files,
            per=per,
            minimum=self.flag(raw, "minimum", what),
            random=self.flag(raw, "random", what),
            all_in_period=self.flag(raw, "all_in_period", what),
            chosen_by=self.text(raw, "chosen_by", what, required=False),
            publish_before=publish_before,
        )

    def analysis(self, raw: LineDict, what: str) -> Analysis | None:
        spec = self.mapping(raw, "analysis", what)
        if spec is None:
            return None
        what = f"{what} analysis"
        self.keys(spec, {"every", "by", "report_to"}, what)
        every = self.cadence(spec, "every", what) if "every" in spec else None
        return Analysis(
            every=every,
            by=self.text(spec, "by", what, required=False),
            report_to=tuple(self.texts(spec, "report_to", what)),
        )

    def below_standard(self, doc: LineDict, document: str) -> BelowStandard | None:
        what = "'below_standard'"
        raw = self.mapping(doc, "below_standard", "the audit programme")
        if raw is None:
            return None
        self.keys(
            raw,
            {
                "section",
                "notify",
                "notify_roles",
                "remedial_action_by",
                "may_reopen_closed_case",
                "may_recommend_internal_management_review",
                "sources",
            },
            what,
        )
        section = self.text(raw, "section", what)
        return BelowStandard(
            notify=tuple(self.texts(raw, "notify", what, required=True)),
            notify_roles=tuple(self.roles(raw, "notify_roles", what)),
            remedial_action_by=self.text(raw, "remedial_action_by", what),
            may_reopen_closed_case=self.flag(raw, "may_reopen_closed_case", what),
            may_recommend_internal_management_review=self.flag(
                raw, "may_recommend_internal_management_review", what
            ),
            sources=self.sources(raw, what, document, section),
        )

    def timetable(
        self, doc: LineDict, document: str, audits: set[str]
    ) -> tuple[tuple[TimetableMonth, ...], Source | None]:
        what = "the timetable"
        raw = self.mapping(doc, "timetable", "the audit programme")
        if raw is None:
            return (), None
        self.keys(raw, {"source", "months"}, what)
        raw_source = self.mapping(raw, "source", what)
        source = self.source(raw_source, what, document) if raw_source is not None else None
        months: list[TimetableMonth] = []
        for entry in self.items(raw, "months", what, lambda m: self.month(m, audits)):
            if any(m.month == entry.month for m in months):
                self.fail(raw.line_of("months"), f"{what}: {entry.name} appears twice")
                continue
            months.append(entry)
        missing = [MONTHS[i - 1] for i in range(1, 13) if all(m.month != i for m in months)]
        if months and missing:
            self.fail(raw.line_of("months"), f"{what} has no entry for {', '.join(missing)}")
        return tuple(sorted(months, key=lambda m: m.month)), source

    def month(self, raw: LineDict, audits: set[str]) -> TimetableMonth | None:
        what = "a month of the timetable"
        self.keys(raw, {"month", "audits", "as_written"}, what)
        name = self.text(raw, "month", what)
        if name not in MONTHS:
            if name:
                self.fail(raw.line_of("month"), f"'{name}' is not a month; write it as January")
            return None
        what = name
        names = self.texts(raw, "audits", what, required=True)
        for audit in names:
            if audit not in audits:
                known = ", ".join(sorted(audits))
                self.fail(raw.line_of("audits"), f"{what}: unknown audit '{audit}'; use {known}")
        return TimetableMonth(
            month=MONTHS.index(name) + 1,
            audits=tuple(names),
            as_written=self.text(raw, "as_written", what, required=False),
        )
