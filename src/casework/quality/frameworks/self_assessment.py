"""The self-assessment framework (climbie-2003.yaml): the standards and their criteria,
the Inquiry's recommendations each criterion is tied to, the rating scale and the live
figures a criterion can show."""

from __future__ import annotations

import re
from pathlib import Path

from casework.quality.frameworks.model import (
    Criterion,
    EvidenceSource,
    FrameworkStandard,
    RatingScale,
    Recommendation,
    ScalePoint,
    SelfAssessmentFramework,
)
from casework.quality.frameworks.reading import FRAMEWORKS_DIR, ID, Reader
from casework.standards.yamlnodes import LineDict, LineList

SELF_ASSESSMENT = FRAMEWORKS_DIR / "climbie-2003.yaml"

_CRITERION = re.compile(r"^([1-9][0-9]*)\.([1-9][0-9]*)$")


def load_self_assessment(path: Path | str = SELF_ASSESSMENT) -> SelfAssessmentFramework:
    reader = SelfAssessmentReader(Path(path))
    return reader.finish(reader.self_assessment(reader.document()))


class SelfAssessmentReader(Reader):
    """Reads a self-assessment framework: scale, evidence, recommendations, standards."""

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
            if not ID.match(key):
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
