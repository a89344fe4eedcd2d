"""The statements stage on short articles written for these tests (fictional names and places).

Entities and times are given by hand (as the entities and times stages would give them), so these
tests check this stage alone.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.extract.statements.stage import find_statements
from newsledger.extract.statements.quotes import find_quotes
from newsledger.records import Entity, Span, Time

PUB = dt.date(2024, 6, 12)  # a Wednesday


# ----------------------------------------------------------------------------- helpers
def ent(text: str, eid: str, etype: str, name: str, *forms: str, at: tuple[int, ...] = ()) -> Entity:
    """An entity whose mentions are every whole-word occurrence of ``forms`` (plus offsets ``at``:
    (start, end) pairs flattened, for pronouns)."""
    spans = []
    for f in (name, *forms):
        for m in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", text):
            spans.append(Span.of(text, m.start(), m.end()))
    for s, e in zip(at[::2], at[1::2]):
        spans.append(Span.of(text, s, e))
    spans = sorted(set(spans), key=lambda s: (s.start, s.end))
    return Entity(eid, etype, name, tuple(forms), tuple(spans))


def pron(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` whole-word occurrence of ``word``."""
    ms = list(re.finditer(rf"\b{re.escape(word)}\b", text))
    return ms[nth].start(), ms[nth].end()


def when(text: str, phrase: str, value: str, ttype: str = "DATE") -> Time:
    i = text.index(phrase)
    return Time(i, i + len(phrase), phrase, ttype, value, "published")


def run(nlp, text: str, entities=(), times=(), published=PUB):
    doc = nlp(text)
    out = find_statements(doc, list(entities), list(times), published)
    for s in out:
        for sp in (s.content, s.evidence, *s.parts):
            assert text[sp.start:sp.end] == sp.text
    return out


def one(stmts, words: str):
    """The statement whose content holds ``words``."""
    hits = [s for s in stmts if words in s.content.text]
    assert hits, f"no statement with {words!r}: {[s.content.text for s in stmts]}"
    return hits[0]


# ----------------------------------------------------------------------------- quotes (no model)
def test_quotes_straight_curly_and_split():
    t = '"We are ready," she said, "to sign today." Then “curly ones” too.'
    got = [t[q.start:q.end] for q in find_quotes(t)]
    assert got == ["We are ready,", "to sign today.", "curly ones"]


def test_quote_over_paragraphs_is_one_quote_per_paragraph():
    t = '"The first part.\n\n"The second part," he said.'
    assert [t[q.start:q.end] for q in find_quotes(t)] == ["The first part.", "The second part,"]


@pytest.mark.parametrize("t", ['a "b', '"', '”stray“', 'x " y " z "', '""', '“““', 'He said “no.\n\nOK'])
def test_unbalanced_quotes_never_raise(t):
    for q in find_quotes(t):
        assert 0 <= q.start <= q.end <= len(t)


# ----------------------------------------------------------------------------- direct quotes
@pytest.mark.slow
def test_quote_then_attribution_straight_and_curly(nlp):
    for o, c in (('"', '"'), ("“", "”")):
        t = f"{o}The bridge will open in the spring,{c} Mayor Lena Vostrik said."
        s = one(run(nlp, t), "bridge")
        assert s.direct and s.cue == "said"
        assert s.content.text == "The bridge will open in the spring"
        assert s.speaker_text == "Lena Vostrik"


@pytest.mark.slow
def test_attribution_first_with_colon(nlp):
    t = 'Senator Paulo Brenn told the assembly: "We have waited long enough. The vote is today."'
    s = one(run(nlp, t), "waited")
    assert s.direct and s.cue == "told"
    assert s.content.text == "We have waited long enough. The vote is today."
    assert s.channel_text == "the assembly"


@pytest.mark.slow
def test_split_quote_is_one_statement_with_parts(nlp):
    t = '"We are ready," she said, "to sign the treaty today."'
    (s,) = run(nlp, t)
    assert s.direct
    assert [p.text for p in s.parts] == ["We are ready", "to sign the treaty today."]
    assert s.content.start == s.parts[0].start and s.content.end == s.parts[1].end


@pytest.mark.slow
def test_inverted_attribution_with_appositive_title(nlp):
    t = ('"The harvest was the worst in a decade. Farmers need help," said Ahmet Doruk, '
         "the minister's spokesman.")
    text_ents = [ent(t, "e1", "PERSON", "Ahmet Doruk", "Doruk")]
    s = one(run(nlp, t, text_ents), "harvest")
    assert s.direct and s.speaker == "e1" and s.speaker_text == "Ahmet Doruk"
    assert s.content.text.endswith("Farmers need help")


@pytest.mark.slow
def test_quote_running_over_paragraphs(nlp):
    t = ('Governor Ilse Marrow spoke at length.\n\n"The floods took our homes.\n\n'
         '"We will rebuild every one of them," Marrow said.')
    stmts = run(nlp, t)
    first, second = one(stmts, "floods"), one(stmts, "rebuild")  # one statement per quoted paragraph
    assert first is not second and first.direct and second.direct
    assert first.speaker_text == second.speaker_text == "Marrow"


@pytest.mark.slow
def test_unattributed_following_quote_keeps_speaker(nlp):
    # the next quote in a paragraph of its own: a statement of its own, the same speaker's (cue null)
    t = ('"The talks failed," Tomas Velk said.\n\n"Nobody came to the table with a plan."')
    ents = [ent(t, "e1", "PERSON", "Tomas Velk", "Velk")]
    stmts = run(nlp, t, ents)
    assert len(stmts) == 2
    assert all(s.speaker == "e1" and s.direct for s in stmts)
    assert stmts[1].cue is None


@pytest.mark.slow
def test_quote_resumed_in_the_same_paragraph_after_the_attribution_is_the_same_statement(nlp):
    # '"A," X said. "B."' in one paragraph: one quote cut by its attribution (issue 11), two parts
    t = ('"The talks failed," Tomas Velk said. "Nobody came to the table with a plan."')
    ents = [ent(t, "e1", "PERSON", "Tomas Velk", "Velk")]
    (s,) = run(nlp, t, ents)
    assert s.speaker == "e1" and s.direct and s.cue == "said"
    assert [p.text for p in s.parts] == ["The talks failed", "Nobody came to the table with a plan."]


# ----------------------------------------------------------------------------- indirect and mixed
@pytest.mark.slow
def test_told_outlet_that(nlp):
    t = "Rebel commander Joss Hadley told the Varnia Herald that the prisoners would be freed soon."
    ents = [ent(t, "e1", "PERSON", "Joss Hadley", "Hadley"), ent(t, "e2", "ORG", "Varnia Herald")]
    (s,) = run(nlp, t, ents)
    assert s.content.text == "the prisoners would be freed soon"
    assert s.cue == "told" and s.channel == "e2" and s.channel_text == "the Varnia Herald"
    assert s.speaker == "e1" and not s.direct and s.kind == "prediction"


@pytest.mark.slow
@pytest.mark.parametrize("sentence,cue,content,kind", [
    ("Dana Orvik denied that her office had lost the files.", "denied", "her office had lost the files", "denial"),
    ("Dana Orvik urged the farmers to accept the offer.", "urged", "the farmers to accept the offer", "demand"),
    ("Dana Orvik called on the council to delay the vote.", "called on", "the council to delay the vote", "demand"),
    ("Dana Orvik accused the regulator of hiding the report.", "accused", "the regulator of hiding the report", "claim"),
    ("Dana Orvik pledged that the port would reopen.", "pledged", "the port would reopen", "commitment"),
    ("Dana Orvik vowed to rebuild the school.", "vowed", "to rebuild the school", "commitment"),
    ("Dana Orvik warned that prices could rise sharply.", "warned", "prices could rise sharply", "prediction"),
    ("Dana Orvik dismissed the charges as a political stunt.", "dismissed", "the charges as a political stunt", "opinion"),
    ("Dana Orvik called the ruling a travesty.", "called", "the ruling a travesty", "opinion"),
    ("Dana Orvik insisted that the count was accurate.", "insisted", "the count was accurate", "claim"),
    ("Dana Orvik claimed the ballots had been burned.", "claimed", "the ballots had been burned", "claim"),
    ("The Tessaly Courier reported that the mine had closed.", "reported", "the mine had closed", "claim"),
])
def test_indirect_cues(nlp, sentence, cue, content, kind):
    (s,) = run(nlp, sentence)
    assert s.cue == cue
    assert s.content.text == content
    assert s.kind == kind
    assert not s.direct


@pytest.mark.slow
def test_according_to(nlp):
    t = "The governor resigned on Friday, according to the news site Pelin Daily."
    ents = [ent(t, "e1", "ORG", "Pelin Daily")]
    (s,) = run(nlp, t, ents)
    assert s.cue == "according to" and s.speaker == "e1"
    assert s.content.text == "The governor resigned on Friday"


@pytest.mark.slow
def test_parenthetical_attribution_after_clause(nlp):
    t = "The factory was closed after inspectors found cracks in the roof, the ministry said."
    (s,) = run(nlp, t)
    assert s.cue == "said" and s.speaker_text == "the ministry"
    assert s.content.text == "The factory was closed after inspectors found cracks in the roof"


@pytest.mark.slow
def test_partly_quoted_clause_is_one_indirect_statement(nlp):
    t = 'Minister Sela Korr said the city "expects the return of the stolen paintings."'
    (s,) = run(nlp, t)
    assert not s.direct
    assert s.content.text.startswith("the city") and "paintings" in s.content.text


@pytest.mark.slow
def test_participle_attributions_share_the_speaker(nlp):
    t = ('"The border stays closed," Arlo Penn said, calling it a matter of safety. '
         "Penn also met the envoy, saying the talks would resume in a month.")
    ents = [ent(t, "e1", "PERSON", "Arlo Penn", "Penn")]
    stmts = run(nlp, t, ents)
    calling = one(stmts, "matter of safety")
    saying = one(stmts, "talks would resume")
    assert calling.cue == "calling" and calling.kind == "opinion" and calling.speaker == "e1"
    assert saying.cue == "saying" and saying.speaker == "e1" and saying.kind == "prediction"


@pytest.mark.slow
def test_coordinated_cues_are_separate_statements(nlp):
    t = "Councillor Rhea Dunmore said the plan was flawed and urged the mayor to withdraw it."
    stmts = run(nlp, t)
    said = one(stmts, "plan was flawed")
    urged = one(stmts, "mayor to withdraw")
    assert "urged" not in said.content.text
    assert urged.speaker_text == said.speaker_text == "Rhea Dunmore"


# ----------------------------------------------------------------------------- speakers
@pytest.mark.slow
def test_pronoun_and_title_speakers_fall_back(nlp):
    t = ("Finance Minister Oren Kallis said the budget would pass. He added that taxes would not rise.\n\n"
         "The Trade Bureau of Ostrava said exports fell. The bureau said imports rose.")
    ents = [ent(t, "e1", "PERSON", "Oren Kallis", "Kallis"), ent(t, "e2", "ORG", "Trade Bureau of Ostrava")]
    stmts = run(nlp, t, ents)
    assert one(stmts, "taxes").speaker == "e1"
    assert one(stmts, "imports").speaker == "e2"


@pytest.mark.slow
def test_pronoun_speaker_from_entity_mention(nlp):
    t = "Mira Tull met the envoy. She said the deal was close."
    start, end = pron(t, "She")
    ents = [ent(t, "e1", "PERSON", "Mira Tull", "Tull", at=(start, end))]
    (s,) = run(nlp, t, ents)
    assert s.speaker == "e1" and s.speaker_text == "She"


@pytest.mark.slow
def test_organization_and_agency_speakers(nlp):
    t = "Valdoria said the talks had failed. The Kest News Agency reported that troops had withdrawn."
    ents = [ent(t, "e1", "GPE", "Valdoria"), ent(t, "e2", "ORG", "Kest News Agency")]
    stmts = run(nlp, t, ents)
    assert one(stmts, "talks had failed").speaker == "e1"
    assert one(stmts, "troops").speaker == "e2"


# ----------------------------------------------------------------------------- channel, about
@pytest.mark.slow
@pytest.mark.parametrize("sentence,channel", [
    ("Ivo Grent told reporters that the strike was over.", "reporters"),
    ("Ivo Grent said on state television that the strike was over.", "state television"),
    ("Ivo Grent said in an interview with the Morrow Post that the strike was over.", "the Morrow Post"),
])
def test_channel_forms(nlp, sentence, channel):
    (s,) = run(nlp, sentence)
    assert s.channel_text == channel


@pytest.mark.slow
def test_about_resolves_pronouns_in_content(nlp):
    t = 'Captain Ray Osk was captured in May. "He will be released next week," Lida Moor said.'
    ents = [ent(t, "e1", "PERSON", "Ray Osk", "Osk", at=pron(t, "He")),
            ent(t, "e2", "PERSON", "Lida Moor", "Moor")]
    s = one(run(nlp, t, ents), "released")
    assert s.about == ("e1",) and s.speaker == "e2" and s.kind == "prediction"


# ----------------------------------------------------------------------------- kinds
@pytest.mark.slow
@pytest.mark.parametrize("sentence,kind", [
    ('"We will rebuild the bridge," Mayor Ada Frey said.', "commitment"),
    ('"Our party is ready to join the government," Ada Frey said.', "commitment"),
    ('"The river could flood the valley," Ada Frey said.', "prediction"),
    ('"The bridge was built in 1990," Ada Frey said.', "claim"),
    ('"This decision is a disgraceful betrayal," Ada Frey said.', "opinion"),
    ('"The plan is a start, not a solution," Ada Frey said.', "opinion"),
    ("Ada Frey said the union expects the immediate release of the workers.", "demand"),
])
def test_kinds_from_content(nlp, sentence, kind):
    (s,) = run(nlp, sentence)
    assert s.kind == kind


# ----------------------------------------------------------------------------- dates and horizon
@pytest.mark.slow
def test_date_attached_to_cue_not_content(nlp):
    t = "Ada Frey said on Monday that the plant had closed on Friday."
    times = [when(t, "Monday", "2024-06-10"), when(t, "Friday", "2024-06-07")]
    (s,) = run(nlp, t, times=times)
    assert s.date is not None and s.date.value == "2024-06-10" and s.date.text == "on Monday"


@pytest.mark.slow
def test_date_carries_over_to_same_speaker(nlp):
    t = ("Envoy Karl Brisk told the Ostra Channel ten days ago that a deal was near.\n\n"
         "He said the prisoners could be home within three weeks. He added that both sides agreed.")
    ents = [ent(t, "e1", "PERSON", "Karl Brisk", "Brisk", at=pron(t, "He") + pron(t, "He", 1))]
    times = [when(t, "ten days ago", "2024-06-02"), when(t, "within three weeks", "2024-06-12/2024-07-03")]
    stmts = run(nlp, t, ents, times)
    for s in stmts:
        assert s.date is not None and s.date.value == "2024-06-02", s
    pred = one(stmts, "prisoners")
    assert pred.kind == "prediction" and pred.horizon is not None


@pytest.mark.slow
def test_date_from_earlier_occasion_of_the_speaker(nlp):
    t = ("Judge Amra Solt rejected the appeal at a hearing on Tuesday. "
         '"The law is clear," she said.')
    ents = [ent(t, "e1", "PERSON", "Amra Solt", "Solt", at=pron(t, "she"))]
    times = [when(t, "Tuesday", "2024-06-11")]
    (s,) = run(nlp, t, ents, times)
    assert s.date is not None and s.date.value == "2024-06-11"


@pytest.mark.slow
def test_no_date_when_nothing_tells(nlp):
    # no publication date and no time: nothing tells (with one, "says" is the story's own day)
    t = "Ada Frey says the plant will reopen."
    (s,) = run(nlp, t, published=None)
    assert s.date is None
    (s,) = run(nlp, "Ada Frey had said the plant would reopen.")
    assert s.date is None  # a pluperfect cue tells an earlier, undated occasion


@pytest.mark.slow
def test_horizon_deadline_in_content(nlp):
    t = "Ada Frey said on Monday that the company would repay the loans by the end of September."
    times = [when(t, "Monday", "2024-06-10"), when(t, "the end of September", "2024-09-30")]
    (s,) = run(nlp, t, times=times)
    assert s.horizon is not None and s.horizon.value == "2024-09-30"


# ----------------------------------------------------------------------------- robustness
QUOTE_CHARS = st.sampled_from(['"', "“", "”", "«", "»", "'", "\n\n"])


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_quote_marks_never_crash(nlp, data):
    base = ('"We will sign," Ada Frey said, "today." She told reporters that the mayor would resign, '
            'calling it "a relief." The ministry said prices rose.')
    chars = list(base)
    for _ in range(data.draw(st.integers(0, 6))):
        pos = data.draw(st.integers(0, len(chars)))
        chars.insert(pos, data.draw(QUOTE_CHARS))
    text = "".join(chars)
    stmts = run(nlp, text)
    assert [s.id for s in stmts] == [f"s{i + 1}" for i in range(len(stmts))]


@pytest.mark.slow
def test_ids_in_text_order_and_empty_text(nlp):
    assert run(nlp, "") == []
    stmts = run(nlp, "Ada Frey said the port closed. Ivo Grent said it reopened.")
    assert [s.id for s in stmts] == ["s1", "s2"]
    assert stmts[0].content.start < stmts[1].content.start


# ----------------------------------------------------------------------------- more conventions
@pytest.mark.slow
def test_relative_clause_speaker(nlp):
    t = "The court heard the case, according to his lawyer, Ivan Petrow, who said the witness had lied."
    ents = [ent(t, "e1", "PERSON", "Ivan Petrow", "Petrow")]
    s = one(run(nlp, t, ents), "witness had lied")
    assert s.speaker == "e1" and s.cue == "said"


@pytest.mark.slow
def test_speaker_as_trailing_appositive(nlp):
    t = "The ship was held at the port for checks, its owner, Baltra Lines, said."
    ents = [ent(t, "e1", "ORG", "Baltra Lines")]
    (s,) = run(nlp, t, ents)
    assert s.speaker == "e1"
    assert s.content.text == "The ship was held at the port for checks"


@pytest.mark.slow
def test_dateline_is_not_the_speaker(nlp):
    t = "ORVALA — The Farmers' Union said on Friday that it would block the highway."
    times = [when(t, "Friday", "2024-06-07")]
    (s,) = run(nlp, t, times=times)
    assert "ORVALA" not in (s.speaker_text or "")
    assert s.kind == "commitment" and s.date.value == "2024-06-07"


@pytest.mark.slow
def test_things_do_not_speak(nlp):
    t = "It was a dispute that threatens to split the league, and officers not accused of fraud went free."
    assert run(nlp, t) == []


@pytest.mark.slow
def test_rejected_claims_that(nlp):
    t = "The Sarn government rejected claims that it had paid the strikers."
    (s,) = run(nlp, t)
    assert s.kind == "denial" and s.content.text.startswith("it had paid the strikers")


@pytest.mark.slow
@pytest.mark.parametrize("sentence,kind", [
    ('"Do not abandon the miners," Ada Frey said.', "demand"),
    ('"We are asking for a new hearing," Ada Frey said.', "demand"),
    ('"I am sure that the talks will collapse," Ada Frey said.', "prediction"),
    ("Ada Frey told supporters that the party would not give up.", "commitment"),
    ('"No player is bigger than the club," Ada Frey said.', "opinion"),
])
def test_more_kinds(nlp, sentence, kind):
    (s,) = run(nlp, sentence)
    assert s.kind == kind


@pytest.mark.slow
def test_earlier_pluperfect_occasion_does_not_date_the_scene(nlp):
    t = ("KORVA — Minister Ede Lask met the miners' families at the pit on Saturday.\n\n"
         "Lask had said in March that the rescue would take weeks. "
         '"Today we finish the job," Lask told reporters.')
    ents = [ent(t, "e1", "PERSON", "Ede Lask", "Lask")]
    times = [when(t, "Saturday", "2024-06-08"), when(t, "March", "2024-03")]
    stmts = run(nlp, t, ents, times)
    assert one(stmts, "finish the job").date.value == "2024-06-08"
    assert one(stmts, "rescue").date.value == "2024-03"


@pytest.mark.slow
def test_channel_is_not_a_day_or_a_place(nlp):
    (s,) = run(nlp, "Ivo Grent said in Brussels on Wednesday that the strike was over.")
    assert s.channel_text is None


@pytest.mark.slow
def test_linear_in_document_length(nlp):
    from linearity import assert_linear

    para = ('"The port will reopen," Mayor Ada Frey said on Monday. Ivo Grent told reporters that the '
            'strike was over, calling it "a victory." According to the Kest Agency, talks resumed.')
    small = nlp("\n\n".join([para] * 20))
    big = nlp("\n\n".join([para] * 160))
    a, b = assert_linear(find_statements, small, big, 8)
    assert len(b) == 8 * len(a)


@pytest.mark.slow
def test_that_clause_hung_on_the_interview(nlp):
    t = "Health Minister Sofia Brandt told the Mirano Times in an interview that the government would publish daily figures."
    ents = [ent(t, "e1", "PERSON", "Sofia Brandt", "Brandt"), ent(t, "e2", "ORG", "Mirano Times")]
    (s,) = run(nlp, t, ents)
    assert s.content.text == "the government would publish daily figures"
    assert s.channel == "e2" and s.kind == "commitment"


@pytest.mark.slow
def test_a_question_asked_is_no_demand(nlp):
    (s,) = run(nlp, '"Why did it take three weeks to react?" asked Tomas Kell, a doctor.')
    assert s.direct and s.kind != "demand" and s.speaker_text == "Tomas Kell"


@pytest.mark.slow
def test_dateline_lead_with_finite_verb_parsed_as_modifier(nlp):
    t = ("TORVIK — Norland's new trade minister, Eva Strand, pledged on Monday to bring back "
         'the fishermen.\n\n"We will get the boats back soon," Strand said at a press briefing.')
    ents = [ent(t, "e1", "PERSON", "Eva Strand", "Strand")]
    times = [when(t, "Monday", "2024-06-10")]
    stmts = run(nlp, t, ents, times)
    pledge = one(stmts, "bring back the fishermen")
    assert pledge.speaker == "e1" and pledge.kind == "commitment" and pledge.date.value == "2024-06-10"
    quote = one(stmts, "get the boats back")
    assert quote.speaker == "e1" and quote.date.value == "2024-06-10"


@pytest.mark.slow
def test_appositive_name_after_a_prepositional_title(nlp):
    (s,) = run(nlp, "A spokesman for the army, Col. Ivo Matt, denied reports that civilians had been killed.")
    assert s.speaker_text == "Ivo Matt" and s.kind == "denial"
    assert s.content.text == "civilians had been killed"


@pytest.mark.slow
def test_short_unattributed_quote_continues(nlp):
    t = '"The talks are over. We leave tomorrow," the envoy said.\n"Nobody wanted this."'
    stmts = run(nlp, t)
    assert [s.content.text for s in stmts] == ["The talks are over. We leave tomorrow", "Nobody wanted this."]
    assert all(s.speaker_text == "the envoy" for s in stmts)


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    "The Kremlin declined to say whether the president would attend the summit.",
    "Officials did not say when the troops would be sent.",
    'Asked whether he would run again, Lind smiled.',
])
def test_nothing_said(nlp, sentence):
    assert run(nlp, sentence) == []


@pytest.mark.slow
def test_speaker_of_a_document_and_of_a_contrast_clause(nlp):
    stmts = run(nlp, "A statement from the presidency said the leaders had agreed to meet again.")
    assert stmts[0].speaker_text == "the presidency"
    stmts = run(nlp, "Karo Lint argued that the tax was unfair, while his rival insisted it was necessary.")
    assert [s.speaker_text for s in stmts] == ["Karo Lint", "his rival"]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,outlet", [
    ("The Orvan Times quoted Defence Minister Ivo Ras as saying that troops would stay.", "The Orvan Times"),
    ("Ras was quoted by the Orvan Times as saying the troops would stay.", "the Orvan Times"),
])
def test_quoted_as_saying(nlp, sentence, outlet):
    (s,) = run(nlp, sentence)
    assert s.speaker_text in ("Ivo Ras", "Ras") and s.channel_text == outlet and s.cue == "saying"


@pytest.mark.slow
def test_continuation_quote_has_no_cue_of_its_own(nlp):
    stmts = run(nlp, '"We stay," Ras said.\n\n"We will not leave."')
    assert [s.cue for s in stmts] == ["said", None]


@pytest.mark.slow
def test_colon_quote_left_unattached_by_the_parser(nlp):
    (s,) = run(nlp, 'The minister said: "Enough."\n\nThen she left.')
    assert s.direct and s.content.text == "Enough."


def test_single_curly_quotes_and_apostrophes():
    t = "‘We will not give up,’ the farmers’ union leader said. He didn’t say ‘no’ to Lind’s plan."
    assert [t[q.start:q.end] for q in find_quotes(t)] == ["We will not give up,", "no"]
    t = "“Outer ‘inner’ text,” she said."
    assert [t[q.start:q.end] for q in find_quotes(t)] == ["Outer ‘inner’ text,"]


@pytest.mark.slow
def test_british_single_quote_statement(nlp):
    (s,) = run(nlp, "‘We will not give up,’ the union leader, Ada Morn, said.")
    assert s.direct and s.content.text == "We will not give up" and s.kind == "commitment"


@pytest.mark.slow
def test_date_through_a_phrase_of_the_cue_but_not_a_participle(nlp):
    t = ("The Monetary Fund, in a report published last week, said the economy would grow. "
         '"We will win," Ana Bel said, referring to New Year\'s Day.')
    times = [when(t, "last week", "2024-W23"), when(t, "New Year\'s Day", "2025-01-01")]
    stmts = run(nlp, t, times=times)
    assert one(stmts, "economy").date.value == "2024-W23"
    assert one(stmts, "We will win").date is None


@pytest.mark.slow
def test_subject_on_the_auxiliary_and_own_bank(nlp):
    t = 'Governor Elin Sarko told a news conference in Vell that the bank was prepared to raise rates again.'
    ents = [ent(t, "e1", "PERSON", "Elin Sarko", "Sarko"), ent(t, "e2", "GPE", "Vell")]
    (s,) = run(nlp, t, ents)
    assert s.kind == "commitment" and s.channel_text == "a news conference" and s.channel is None


@pytest.mark.slow
def test_speech_reported_inside_a_statement_is_not_another_statement(nlp):
    stmts = run(nlp, "Mayor Rita Holm said she had asked the government for emergency funds.")
    assert [s.cue for s in stmts] == ["said"]
    assert stmts[0].content.text == "she had asked the government for emergency funds"


@pytest.mark.slow
def test_quote_paragraph_after_an_indirect_statement(nlp):
    t = 'Senator Ola Fenn told reporters the plan would fail.\n\n"It is a disaster. Nobody wants it."'
    stmts = run(nlp, t)
    assert len(stmts) == 2 and stmts[1].direct and stmts[1].speaker_text == "Ola Fenn"


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    "Time will tell.", "The company added 200 jobs and claimed the top spot.",
    "The flood claimed the lives of 20 people.", "The army reported record recruitment.",
])
def test_cue_verbs_not_used_for_speech(nlp, sentence):
    assert run(nlp, sentence) == []


@pytest.mark.slow
@pytest.mark.parametrize("sentence,content,kind", [
    ("Aid groups warned of a hunger crisis.", "a hunger crisis", "prediction"),
    ("The pope called for calm.", "calm", "demand"),
    ("Prosecutors asked for a ten-year sentence.", "a ten-year sentence", "demand"),
])
def test_prepositional_content(nlp, sentence, content, kind):
    (s,) = run(nlp, sentence)
    assert s.content.text == content and s.kind == kind


@pytest.mark.slow
def test_statements_numbered_in_text_order(nlp):
    t = ('"The port will close," Ana Bel said, calling it a loss.\n\n"Nobody wanted this."\n\n'
         "Ivo Grent said the port would reopen.")
    stmts = run(nlp, t)
    starts = [s.content.start for s in stmts]
    assert starts == sorted(starts) and [s.id for s in stmts] == [f"s{i}" for i in range(1, len(stmts) + 1)]
    assert [s.cue for s in stmts] == ["said", "calling", None, "said"]


@pytest.mark.slow
def test_quote_resumed_after_attribution_parsed_as_parataxis(nlp):
    t = ('His aunt, Mira Valk, had waited at the pier since noon. '
         '"I counted every hour he was away," she said, "and now I can stop counting."')
    stmts = run(nlp, t, [ent(t, "e1", "PERSON", "Mira Valk", at=pron(t, "she"))])
    s = one(stmts, "I counted every hour")
    assert s.direct and s.content.text.endswith("stop counting.") and len(s.parts) == 2
    assert s.speaker == "e1"



@pytest.mark.slow
@pytest.mark.parametrize("sentence,words,kind", [
    ("Mayor Ivo Grent said he had done nothing wrong.", "nothing wrong", "denial"),
    ("The ambassador told reporters that his country has nothing to hide.", "nothing to hide", "denial"),
    ("Ana Bel said she expected the motion to pass by a wide margin.", "the motion to pass", "prediction"),
    ("Ana Bel said the ceasefire showed that patience pays off.", "patience pays off", "opinion"),
    ("Ana Bel said the deal proved neighbours can still settle disputes by talking.", "settle disputes", "opinion"),
    ("Ana Bel said the fines were a political vendetta.", "vendetta", "opinion"),
    ("Ana Bel said fear is not a licence to suspend the law.", "a licence", "opinion"),
    ("Ana Bel said the audit showed that costs rose in March.", "costs rose", "claim"),
    ("Ana Bel said the harbour was a member of the port authority.", "member", "claim"),
    ("Ana Bel said it was a deliberate attack on the port.", "deliberate attack", "claim"),
])
def test_kind_from_the_content(nlp, sentence, words, kind):
    assert one(run(nlp, sentence), words).kind == kind


@pytest.mark.slow
def test_accusation_in_a_relative_clause_is_its_own_statement(nlp):
    t = ("Opposition leader Mira Valk welcomed the ruling. She called on the president to dismiss "
         "Police Chief Ivo Grent, whom she accused of ordering the arrests of 40 dockers.")
    ents = [ent(t, "e1", "PERSON", "Mira Valk", at=pron(t, "She") + pron(t, "she")),
            ent(t, "e2", "PERSON", "Ivo Grent")]
    stmts = run(nlp, t, ents)
    demand = one(stmts, "to dismiss")
    assert demand.content.text == "the president to dismiss Police Chief Ivo Grent" and demand.kind == "demand"
    accused = one(stmts, "ordering the arrests")
    assert accused.content.text == "ordering the arrests of 40 dockers" and accused.cue == "accused"
    assert accused.speaker == "e1" and "e2" in accused.about


@pytest.mark.slow
def test_named_organization_speaks_through_a_non_restrictive_which(nlp):
    t = ("The strike was called by the Harbour Union, an alliance of dockers and crane drivers, "
         "which said it would hold another rally next week. A dispute that threatens to close the port goes on.")
    (s,) = run(nlp, t, [ent(t, "e1", "ORG", "Harbour Union")])
    assert s.content.text == "it would hold another rally next week" and s.speaker == "e1"


@pytest.mark.slow
def test_denied_role_as_a_bare_object(nlp):
    t = "The Veland government denied any role in the blast. Guards denied access to the site."
    (s,) = run(nlp, t)
    assert s.content.text.startswith("any role") and s.kind == "denial"


@pytest.mark.slow
def test_participle_after_an_inverted_attribution_shares_its_speaker(nlp):
    t = ("Police in the capital detained at least 40 people on Sunday and fired tear gas to break up a march "
         "against a proposed salt tax, a rights group said, accusing officers of beating protesters.")
    stmts = run(nlp, t)
    said = one(stmts, "detained at least 40")
    assert said.content.text.startswith("Police in the capital") and said.speaker_text == "a rights group"
    assert one(stmts, "beating protesters").speaker_text == "a rights group"


@pytest.mark.slow
def test_his_country_is_about_the_speakers_country(nlp):
    import dataclasses

    t = "Veland's ambassador, Ivo Grent, told reporters that his country has nothing to hide."
    veland = ent(t, "e1", "GPE", "Veland")
    grent = ent(t, "e2", "PERSON", "Ivo Grent")
    grent = dataclasses.replace(grent, attributes=dataclasses.replace(grent.attributes, affiliation=("e1",)))
    s = one(run(nlp, t, [veland, grent]), "nothing to hide")
    assert s.speaker == "e2" and "e1" in s.about and s.kind == "denial"


@pytest.mark.slow
def test_afterwards_takes_the_date_of_the_event_just_told(nlp):
    t = ("Two days earlier, the ministry had summoned the envoy, Ivo Grent. "
         "Grent told reporters afterwards that his country had nothing to hide.")
    times = [when(t, "Two days earlier", "2024-06-10")]
    s = one(run(nlp, t, [ent(t, "e1", "PERSON", "Ivo Grent", "Grent")], times), "nothing to hide")
    assert s.date is not None and s.date.value == "2024-06-10"
