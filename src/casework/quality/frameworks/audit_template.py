"""The case file audit tool (case-file-audit.yaml): its questions, each citing the
document, the record's evidence that can answer part of a question, and the grades."""

from __future__ import annotations

from pathlib import Path

from casework.quality.frameworks.model import (
    AuditQuestion,
    AuditTemplate,
    Grade,
    GradeScale,
    QuestionEvidence,
)
from casework.quality.frameworks.reading import FRAMEWORKS_DIR, Reader
from casework.standards.yamlnodes import LineDict, load_yaml

AUDIT_TEMPLATE = FRAMEWORKS_DIR / "case-file-audit.yaml"


def load_audit_template(path: Path | str = AUDIT_TEMPLATE) -> AuditTemplate:
    reader = TemplateReader(Path(path))
    return reader.finish(reader.audit_template(reader.document()))


def available_templates() -> list[str]:
    """The names of the audit templates bundled in this folder."""
    names = []
    for path in sorted(FRAMEWORKS_DIR.glob("*.yaml")):
        doc = load_yaml(path)
        if isinstance(doc, LineDict) and isinstance(doc.get("template"), str):
            names.append(str(doc["template"]))
    return names


class TemplateReader(Reader):
    """Reads an audit template: its grades and its questions."""

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
