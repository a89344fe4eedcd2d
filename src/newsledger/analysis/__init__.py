"""Language mechanisms written once, on neutral types (spaCy ``Token``/``Span``, token indices), that
every extraction stage uses instead of a private copy:

- :mod:`~newsledger.analysis.clause`: subject (passive agent, conjuncts, relative antecedent), voice,
  tense, modality, negation;
- :mod:`~newsledger.analysis.reference`: what pronouns, relative pronouns and descriptions can refer to;
- :mod:`~newsledger.analysis.anchoring`: which time expression dates which word; windows, deadlines;
- :mod:`~newsledger.analysis.words`: the one loader of word classes (``data/words/<class>.json``).

They read the parse only (no entities, no records) and are tested on hand-built ``Doc``s.
"""
