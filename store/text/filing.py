"""How a participant is shown: in the nominative, with the form the text wrote beside it.

Items keep a Russian name as written ("с Министром обороны Армении Сейраном Оганяном"),
because the reader highlights what the text says; a person reading the participant list
wants the name as it is filed ("Сейран Оганян — Министр обороны Армении").
"""

from __future__ import annotations

from store.model import Participant
from store.text.russian import has_cyrillic, nominative_name, nominative_role, oblique_role


def filed_name(person: Participant) -> str:
    """`person`'s name in the nominative, as People files it. The post written with it
    tells a case the name alone does not: "пресс-секретаря Президента Дмитрия Пескова" is
    Дмитрий Песков, where "Дмитрия Пескова" alone might be a woman's nominative."""
    return nominative_name(person.name, oblique=oblique_role(person.role))


def filed(person: Participant) -> Participant:
    """`person` with name and role in the nominative; the organisation as written (a
    Russian organisation after a role is in the genitive the role governs)."""
    return Participant(
        name=filed_name(person),
        role=nominative_role(person.role) if person.role else "",
        organisation=person.organisation,
    )


def role_with_organisation(role: str, organisation: str) -> str:
    """"Secretary General, CSTO", "Министр обороны Армении": a Russian organisation follows
    its role as the genitive the role governs; an English one is set off by a comma."""
    glue = " " if has_cyrillic(role) else ", "
    return glue.join(part for part in (role, organisation) if part)


def participant_line(person: Participant) -> str:
    """"Сейран Оганян — Министр обороны Армении (as written: Сейраном Оганяном)",
    "Nikolai Bordyuzha — Secretary General, CSTO"."""
    shown = filed(person)
    detail = role_with_organisation(shown.role, shown.organisation)
    line = f"{shown.name} — {detail}" if detail else shown.name
    if shown.name != person.name:
        line += f" (as written: {person.name})"
    return line
