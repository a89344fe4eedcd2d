"""The trace of entities' attributes and relations: why this age, title, affiliation, place or family tie
(``newsledger explain FILE --item e3.attributes`` or ``--item r2``).

:func:`~.attrs.find_attributes` remembers which rule gave each attribute its value and each relation
found carries its rule (``RelationFound.rule``); this module turns them into decisions
(:func:`newsledger.trace.note`) once the entities have their ids. Rule ids are
``entities.<attribute>.<rule>`` and ``relations.<type>.<rule>``; relations carry no id in the SPEC, so
``r<n>`` is the n-th of the record's relations (as ``t<n>`` for times).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

from ...trace import note

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .names import Cluster
    from .titles import RelationFound

__all__ = ["ATTRIBUTE_ROUTES", "RELATION_ROUTES", "trace_attributes"]

ATTRIBUTE_ROUTES = {
    "title-pair-before": "the first of two titles joined by 'and' before the name (\"the Port Board Special Officer "
                         "and Deputy Harbourmaster X\"), with the bodies written in it (issue 11)",
    "party-member": "a party member's noun in apposition to the name (\"X, a Democrat, is due ...\"): the "
                    "party, as written (word class party_member_nouns; issue 11)",
    "epithet-title": "a sentence whose subject is \"The <title> for/of <Name>\" with no name of its own (\"The member "
                     "for Ostra, ..., said\") describes the person who is the subject of the sentence before (issue 11)",
    "spokesperson-introduced": "\"said the spokeswoman, X\" after the article wrote \"a spokeswoman for the airline\": "
                               "X speaks for the organization named most before (issue 11)",
    "sub-body": "an organization named as another's name and a body inside it (\"the Velmar University Senate\" "
                "of \"Velmar University\"): a part of it",
    "bracketed-title": "a title in brackets right after the name (\"Ana Lima (Minister of Health)\"), or one that "
                       "opens with an abbreviation the article defines for a title (\"Cabinet Secretary (CS)\" ... "
                       "\"Ana Lima (CS Water)\")",
    "lead-descriptor": "a lead that names its subject by an owned title first (\"Tumbria's fisheries minister has "
                       "called for ...\") and by name as the subject of the next sentence, nobody named before: the "
                       "title, and the place or body that owns it, are that person's",
    "title-phrase": "the title phrase written with the name: before it (\"Deputy Trade Minister X\"), in an "
                    "appositive after it (\"X, secretary-general of ...\") or the phrase it is in apposition to; "
                    "a plural title before two names joined by 'and' is each one's (\"co-chairs A and B\")",
    "plural-apposition": "a plural title in apposition before two names joined by 'and' (\"The lawyers, A and B, "
                         "...\"): each holds it in the singular (issue 11)",
    "title-affiliation": "an organization or country written in the person's title phrase (\"UDA spokesman\", "
                         "\"Labor leader X\" where the article names Labor elsewhere), "
                         "its possessor (\"Chile's ambassador\") or an 'of' phrase (\"head of the Authority\", "
                         "\"spokeswoman for the ruling bloc's delegation\" once the description is resolved)",
    "persons-body": "\"Ilse Brandt's Free Democrats\": a person named as the owner of a party's name, right "
                    "before it, leads or belongs to it (data/words/party_name_heads.json, issue 11)",
    "employer-apposition": "\"X's firm, Y\", \"her employer, Y\", \"X, whose company, Y\"",
    "title-demonym": "a demonym or country in the title of someone who is no official (\"a Danish journalist\"): "
                     "a nationality, not an employer",
    "based-in": "\"<place>-based\" in the title phrase",
    "club-section": "in a sports report, a person first named below a line that is only a club's name (a team-news "
                    "section heading) is the club's",
    "owner-in-sentence": "a title with no body written takes the organization its sentence refers to before it as a "
                         "possessor (\"a meeting of the union's executive, general secretary X said\")",
    "kin-apposition-parent": "a descendant's kinship word with a possessor and a name in apposition (\"his son, "
                             "Y\", \"her daughters, A and B\"): Y's parent is the possessor, father or mother where "
                             "the possessor's gender is known, listed from the child's side as the SPEC's types read "
                             "(issue 11)",
    "org-of-org": "\"the Velmar Dockers Union (VDU) of the TFL\": an organization named with another right after "
                  "'of' (an acronym or a name of two words or more) belongs to it (issue 11)",
    "org-part-apposition": "\"the Velmar Relief Office, the Tarnic Council's arm for aid\": an organization in "
                           "apposition to another's part (data/words/body_part_nouns.json) belongs to it (issue 11)",
    "title-pair-before": "an organization in the first of two titles joined by 'and' before the name (\"the Port "
                         "Board Special Officer and Deputy Harbourmaster X\"): the subject is a member of it (issue 11)",
    "who-leads": "\"X, who also heads the Y\", \"X, who joined the Y\": a relative clause whose verb makes X a member "
                 "of its object (data/words/membership_verbs.json)",
    "of-org": "\"X of the Y Trust\", \"X of The Tumbrian\": a person named with an organization (an acronym or a name "
              "of two words or more) right after 'of' is its member",
    "office-named-elsewhere": "the person's office is written elsewhere in the article with its place or body "
                              "(\"the chief minister of Y ... Chief Minister X\", \"a Tumbrian foreign minister\")",
    "office-of-article-country": "a national office with no country written (\"President X\") serves the country "
                                 "the article names first and most often",
    "office-of-article-company": "a company office with no company written (\"Chief Financial Officer X\") serves "
                                 "the organization the article names first and most often",
    "comma-number": "a number between commas after the name (\"X, 41,\")",
    "year-old-after": "\"X, a 48-year-old ...\"",
    "year-old-before": "\"the 48-year-old X\"",
    "from-place": "\", from <place>\" after the name (or its short appositive)",
    "place-resident": "\"a <place> resident\"",
    "place-native": "\"a <place> native\"",
    "place-citizen": "\"a <demonym> citizen\"",
    "place-national": "\"a <demonym> national\"",
    "place-citizenship": "\"holds <demonym> citizenship\"",
    "resident-of-place": "\"resident of <place>\"",
    "native-of-place": "\"native of <place>\"",
    "citizen-of-place": "\"citizen of <place>\"",
    "national-of-place": "\"national of <place>\"",
    "born-in": "\"born in <place>\"",
    "home-in": "\"his home in <place>\", \"their house in <place>\" (their: the clause's subject)",
}
RELATION_ROUTES = {
    "spokesperson-introduced": "\"said the spokeswoman, X\" after the article wrote \"a spokeswoman for the airline\": "
                               "X speaks for the organization named most before (issue 11)",
    "sub-body": "an organization named as another's name and a body inside it (\"the Velmar University Senate\" "
                "and \"Velmar University\": data/words/sub_body_heads.json) is a part, a member, of it (issue 11)",
    "lead-descriptor": "the subject was named in the next sentence after a lead that describes it by a title the "
                       "object owns (\"Tumbria's fisheries minister ... . Olek Varsany, ...\"): a member of it",
    "title-affiliation": "an organization or country in the subject's title phrase: the subject is a member of it",
    "persons-body": "\"Ilse Brandt's Free Democrats\": a person named as the owner of a party's name, right "
                    "before it, leads or belongs to it (data/words/party_name_heads.json, issue 11)",
    "employer-apposition": "\"X's firm, Y\", \"her employer, Y\", \"X, whose company, Y\": X is a member of Y",
    "office-named-elsewhere": "the person's office is written elsewhere in the article with its place or body "
                              "(\"the chief minister of Y ... Chief Minister X\", \"a Tumbrian foreign minister\")",
    "office-of-article-country": "a national office with no country written (\"President X\") serves the country "
                                 "the article names first and most often",
    "office-of-article-company": "a company office with no company written (\"Chief Financial Officer X\") serves "
                                 "the organization the article names first and most often",
    "kin-apposition": "a kinship word with a possessor and a name in apposition (\"his sister, Orla\"; lists "
                      "sharing the possessor; data/lexicons/entities.json family)",
    "who-leads": "\"X, who also heads the Y\", \"X, who joined the Y\": a relative clause whose verb makes X a member "
                 "of its object (data/words/membership_verbs.json)",
    "of-org": "\"X of the Y Trust\", \"X of The Tumbrian\": a person named with an organization (an acronym or a name "
              "of two words or more) right after 'of' is its member",
    "owner-in-sentence": "a title with no body written takes the organization its sentence refers to before it as a "
                         "possessor (\"a meeting of the union's executive, general secretary X said\")",
    "club-section": "in a sports report, a person first named below a line that is only a club's name (a team-news "
                    "section heading) is the club's",
    "kin-of": "\"X is the <kin> of Y\": Y's <kin> is X, or, for a descendant (\"X is the son of Y\"), X's parent is Y, "
              "gendered when Y's gender is known",
}


def trace_attributes(doc: "Doc", whys: Iterable[tuple["Cluster", list]], ids: dict[int, str],
                     relations: Sequence["RelationFound"]) -> None:
    """Note the rule behind each attribute value (``whys``: per cluster, its (attribute, value, rule,
    evidence) in the order found) and behind each relation (``r<n>``: the n-th relation)."""

    def shown(v: object) -> str:
        return ids.get(id(v), str(v)) if not isinstance(v, (str, int)) else str(v)

    for c, why in whys:
        eid = ids[id(c)]
        for key, value, rule, ev in why:
            note(doc, f"{eid}.attributes.{key}", f"entities.{key}.{rule}", ATTRIBUTE_ROUTES.get(rule, rule), ev,
                 shown(value))
    for n, r in enumerate(relations, 1):
        note(doc, f"r{n}.type", f"relations.{r.type}.{r.rule or 'unknown'}",
             f"{ids[id(r.subject)]} {r.type} {ids[id(r.object)]}: " + RELATION_ROUTES.get(r.rule, r.rule or "?"),
             r.evidence, r.type)
