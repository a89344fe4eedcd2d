"""Person mentions that are the subject of their sentence, by sentence (a helper of :mod:`.title_lists`)."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from .._doc import sentences, tokens
from .mentions import PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .mentions import Cluster


def person_subjects(doc: "Doc", clusters: "list[Cluster]") -> dict[int, list[tuple[int, int, "Cluster"]]]:
    """Sentence start token -> the (t0, t1, cluster) of each person name mention in that sentence whose
    head word is a subject; every sentence is a key, in order."""
    toks = tokens(doc)
    starts = [s.start for s in sentences(doc)]
    out: dict[int, list[tuple[int, int, "Cluster"]]] = {s: [] for s in starts}
    for c in clusters:
        if c.type != PERSON:
            continue
        for m in c.mentions:
            head = next((toks[t] for t in range(m.t0, m.t1) if not m.t0 <= toks[t].head.i < m.t1), None)
            if head is not None and head.dep_ in ("nsubj", "nsubjpass"):
                k = bisect.bisect_right(starts, m.t0) - 1
                if k >= 0:
                    out[starts[k]].append((m.t0, m.t1, c))
    return out
