"""The event vocabulary as a Markdown page (docs/events.md is generated from this)."""

from __future__ import annotations

from collections import defaultdict

from casework.standards.vocabulary import EventType, Vocabulary, vocabulary

INTRO = """# The event vocabulary

Every fact Casework records about a child (or an adult, for LADO and fostering) is an
event of one of these types, with the time it happened (`occurred`), the time it was
written up (`recorded`), the worker, the episode, and the details listed here. Standards
packs may only name these events and details, and an events CSV uses the event names in
its `event` column and the detail names as extra columns.

This page is generated from `src/casework/standards/vocabulary.yaml` by
`casework standards events`; edit the YAML, not this page.

Detail types: `yes_no` (yes/no, y/n, true/false, 1/0), `text`, `choice` (one of the listed
values), `date` (ISO date), `number`.
"""


def _details(event: EventType) -> str:
    parts = []
    for d in event.details.values():
        kind = d.type if not d.values else f"{d.type}: {', '.join(d.values)}"
        parts.append(f"`{d.name}` ({kind})")
    return "; ".join(parts)


def markdown(vocab: Vocabulary | None = None) -> str:
    vocab = vocab or vocabulary()
    lines = [INTRO, "## Episodes", ""]
    lines += ["| episode | starts with | ends with |", "| --- | --- | --- |"]
    for ep in vocab.episodes.values():
        lines.append(f"| `{ep.name}` ({ep.title}) | `{ep.starts}` | `{ep.ends}` |")
    by_area: dict[str, list[EventType]] = defaultdict(list)
    for event in vocab.events.values():
        by_area[event.area].append(event)
    for area, events in by_area.items():
        lines += ["", f"## {area[0].upper()}{area[1:]}", ""]
        lines += ["| event | what it records | details |", "| --- | --- | --- |"]
        for e in events:
            mark = " (significant)" if e.significant else ""
            lines.append(f"| `{e.name}` | {e.title}{mark} | {_details(e)} |")
    return "\n".join(lines) + "\n"
