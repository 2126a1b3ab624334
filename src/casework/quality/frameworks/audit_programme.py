"""The audit programme (audit-programme.yaml): the audit types with their cadence,
auditors and samples, what follows a finding below standard, and the annual timetable."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from casework.quality.frameworks.audit_template import available_templates
from casework.quality.frameworks.model import (
    MONTHS,
    Analysis,
    AuditProgramme,
    AuditType,
    BelowStandard,
    Cadence,
    Sample,
    TimetableMonth,
)
from casework.quality.frameworks.reading import FRAMEWORKS_DIR, Reader
from casework.standards.model import Source
from casework.standards.timescale import Timescale, TimescaleError
from casework.standards.yamlnodes import LineDict, LineList

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


def load_audit_programme(
    path: Path | str = AUDIT_PROGRAMME, templates: Iterable[str] | None = None
) -> AuditProgramme:
    """Load a programme. Its audits may name a template from `templates` (by default the
    templates in this folder)."""
    known = set(templates) if templates is not None else set(available_templates())
    reader = ProgrammeReader(Path(path))
    return reader.finish(reader.audit_programme(reader.document(), known))


class ProgrammeReader(Reader):
    """Reads an audit programme: its audits, what follows below standard, the timetable."""

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
