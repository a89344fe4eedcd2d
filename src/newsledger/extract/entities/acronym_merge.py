"""A body's initials written without brackets after its full name (issue 11, real reporting: "the Varrow Dock
Workers' Federation ... the VDF said", "the Department of Harbours ... DOH officials", "the Tarn & Wexby
Hospital Trust (written 'TaWH' later)"): the initials are the body's, one entity, where exactly one
organization of the article has a name they spell.

The initials spell a name when their capitals are
- the initials of two or more consecutive words of it, "of"/"and" read as words or skipped ("CBS" in "Tarn
  Customs and Border Service", "DOH" in "Department of Harbours", "OLK" in "Orva Lind Kessel Medical College"),
  three capitals or more; or
- the initials of its capitalized words with one or two of the middle ones left out, its first and last kept
  ("VDF" for "Varrow Dock Workers' Federation").

Run once over the clusters after grouping (:func:`.clusters.cluster_names`): a few organizations and
acronyms per article."""

from __future__ import annotations

import re

from .lex import country_code, initials
from .mentions import Cluster, ORG, PERSON

__all__ = ["merge_initials"]

_UPPER = re.compile(r"[A-Z][A-Za-z]{1,6}\Z")


def _spells(acr: str, name: str) -> bool:
    """The capitals ``acr`` spell the name (see the module docstring)."""
    caps = initials(name)  # the small words skipped
    every = initials(name, small=True).upper()  # every word's
    if len(acr) < 3 or len(caps) < 2:
        return False
    if acr in caps or acr in every:
        return True  # consecutive words
    if acr[0] == caps[0] and acr[-1] == caps[-1] and 1 <= len(caps) - len(acr) <= 2:
        rest = iter(caps)
        return all(ch in rest for ch in acr)  # middle words left out, the first and last kept
    return False


def _acronym_of(c: Cluster) -> str | None:
    """The one initials form of a cluster that is nothing but initials (capitals, with lower-case small-word
    letters allowed between: "SaTH")."""
    forms = c.forms()
    if len(forms) != 1 or not _UPPER.match(forms[0].replace(".", "")) or country_code(forms[0]):
        return None
    caps = "".join(ch for ch in forms[0] if ch.isupper())
    return caps if 2 <= len(caps) <= 6 and sum(ch.islower() for ch in forms[0]) <= 1 else None


def merge_initials(clusters: list[Cluster]) -> list[Cluster]:
    """The clusters with each lone initials cluster merged into the one organization whose name they spell."""
    orgs = [c for c in clusters if c.type == ORG and any(len(f.split()) >= 2 for f in c.forms())]
    gone: set[int] = set()
    for c in clusters:
        if c.type not in (ORG, PERSON) or any(o is c for o in orgs):  # ("TaWH" typed as a person)
            continue
        acr = _acronym_of(c)
        if acr is None or len(acr) < 3:
            continue
        hits = [o for o in orgs if id(o) not in gone and any(_spells(acr, f) for f in o.forms() if len(f.split()) >= 2)]
        if len(hits) == 1:
            hits[0].mentions.extend(c.mentions)
            gone.add(id(c))
    return [c for c in clusters if id(c) not in gone]
