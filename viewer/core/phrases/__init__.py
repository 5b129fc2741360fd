"""Policy phrasing over time (提法): how each formulation is born, strengthened, softened and dropped, and where
change concentrates. No Qt; plain frozen dataclasses, for the app, the CLI and the PDF export alike.

    from viewer.core.phrases import phrase_lifecycle, classify_edits, change_matrix

    life = phrase_lifecycle(reports, tokenizer)         # Lifecycle
    life.reports                  # tuple[ReportRef]: index, name, district, year, .label ("渝北区2024")
    life.groups                   # tuple[Group]: one per district (name, reports oldest first, stages by year),
                                  #   then ALL_DISTRICTS ("") holding every report by year
    life.phrases                  # tuple[PhraseLife], most frequent first:
                                  #   text, source ("term" | "ngram"), counts (per report), first_offsets
                                  #   (per report, -1 absent), boilerplate, statuses (per group: PhraseStatus
                                  #   present, first_seen, last_seen, new, dropped, .state)
    life.new_in("渝北区")          # list[PhraseLife]: only in the district's latest year (boilerplate left out)
    life.dropped_in("渝北区")      # list[PhraseLife]: in an earlier year, gone from the latest

    comparison = compare_reports(reports, tokenizer)    # viewer.core.comparison
    edits = classify_edits(comparison)                  # list[Edit], row order then report pair
    #   Edit: kind (INTENSITY | QUALIFIER | NUMBER), direction (stronger/weaker, firmer/softer/"", up/down),
    #   row_id (Alignment.walk id), a, b (report indices), a_span, b_span (the changed words), before, after
    #   (as written: "推进" -> "加快推进", "6%以上" -> "6.5%左右"), old, new (what changed: "以上" -> "左右",
    #   "6%" -> "6.5%"), sentence_a, sentence_b (spans), indicator; KIND_COLOURS[kind] is its colour (hex)

    matrix = change_matrix(comparison, tokenizer)       # ChangeMatrix
    matrix.rows                   # tuple[MatrixRow]: row_id, level, label, role (top sections, subsections),
    #                               labels / roles per report, .label_for(report indices)
    matrix.columns                # tuple[MatrixColumn]: a, b, label (later report), against, same_district
    matrix.cells[i][j]            # MatrixCell | None: equal, inserted, deleted, moved (words), .share
    matrix.shares()               # list[list[float | None]]: share of changed words, [row][column]

Modules: ``lifecycle`` (salient phrases and their lifecycle), ``edits`` (classified edits), ``matrix`` (the
change-intensity matrix), ``lexicon`` (``resources/intensity_lexicon.json`` and jieba's word classes).
"""
from __future__ import annotations

from viewer.core.phrases.edits import (DOWN, EDIT_KINDS, FIRMER, INTENSITY, KIND_COLOURS, NUMBER, QUALIFIER,
                                       SOFTER, STRONGER, UP, WEAKER, Edit, classify_edits)
from viewer.core.phrases.lifecycle import (ABSENT, ALL_DISTRICTS, CARRIED, DROPPED, NEW, NGRAM, TERM, Group,
                                           Lifecycle, PhraseLife, PhraseStatus, ReportRef, phrase_lifecycle,
                                           policy_terms)
from viewer.core.phrases.matrix import ChangeMatrix, MatrixCell, MatrixColumn, MatrixRow, change_matrix

__all__ = [
    "ABSENT", "ALL_DISTRICTS", "CARRIED", "DOWN", "DROPPED", "EDIT_KINDS", "FIRMER", "INTENSITY", "KIND_COLOURS",
    "NEW", "NGRAM", "NUMBER", "QUALIFIER", "SOFTER", "STRONGER", "TERM", "UP", "WEAKER",
    "ChangeMatrix", "Edit", "Group", "Lifecycle", "MatrixCell", "MatrixColumn", "MatrixRow", "PhraseLife",
    "PhraseStatus", "ReportRef", "change_matrix", "classify_edits", "phrase_lifecycle", "policy_terms",
]
