"""English rules for talent moves: hires and appointments, joining, leaving, founding,
internal promotions, and "Person → Company" headings of people-moves lists.

The destination is the hiring company, the company joined or founded; the origin is named
by "from X", by what the person leaves, or by the person's current title ("Inflection's
chief executive", "Adept co-founder and chief executive David Luan"). A former title or a
bare "co-founder" says nothing about where the person comes from.
"""

from __future__ import annotations

import re
from collections import Counter

from newsbot.core.extract.en_common import (
    ENT,
    Found,
    blocked,
    cued,
    described_person,
    object_at,
    org_name,
    past_year,
    person_ok,
    rx,
    subject,
    topic_person,
)
from newsbot.core.extract.en_names import (
    ROLE_RE,
    Context,
    Ent,
    Parsed,
    first_subject,
    focus_company,
    speaker_company,
)

_HIRE = cued(
    r"\b(?:hired|hires|hire|hiring|appointed|appoints|appoint|appointing|named|names|naming|"
    r"tapped|taps|tap|tapping|poached|poaches|poaching|recruited|recruits|recruiting|brought\s+in|"
    r"brings\s+in|brought\s+on|brings\s+on|promoted|promotes|elevated|elevates|picked|picks|"
    r"lured|lures|nabbed|snagged)\s+",
    "hire",
    "hiring",
    "appoint",
    "named",
    "names",
    "naming",
    "tap",
    "poach",
    "recruit",
    "brought",
    "brings",
    "promot",
    "elevat",
    "pick",
    "lured",
    "lures",
    "nabbed",
    "snagged",
)
_APPOINTMENT = cued(
    r"\b(?:announced|announces|announcing|confirmed|confirms|made|makes)\s+the\s+(?:appointment|hiring|"
    r"hire|addition|promotion)\s+of\s+",
    "appointment",
    "hiring",
    "hire",
    "addition",
    "promotion",
)
_PROMOTE = re.compile(r"\s*(?:promot|elevat)", re.IGNORECASE)
_STAYS = re.compile(
    r"\b(?:keep|keeps|keeping|retain|retains|retaining)\s+(?:his|her|their)\s+(?:job|role|post|"
    r"position|day\s+job)\b|\bwhile\s+(?:remaining|staying)\s+(?:as\s+)?(?:the\s+)?(?:chief|ceo|"
    r"president|head|chair|in\s+(?:his|her)\s+(?:role|job))",
    re.IGNORECASE,
)
_JOIN = cued(
    r"\b(?:joined|joins|join|joining|rejoined|rejoins|returned\s+to|returns\s+to|moved\s+to|"
    r"moves\s+to|defected\s+to|defects\s+to|went\s+to|goes\s+to|heads\s+to|headed\s+to|"
    r"left\s+for|leaves\s+for|leaving\s+for|departed\s+for|departs\s+for|jumped\s+to|"
    r"jumps\s+to|jumped\s+ship\s+to|signed\s+on\s+with|signs\s+on\s+with)\s+{DESC}{E:to}",
    "join",
    "return",
    "moved",
    "moves",
    "defect",
    "went",
    "goes",
    "head",
    "left",
    "leav",
    "depart",
    "jump",
    "signed",
    "signs",
)
_LEAVE = cued(
    r"\b(?:left|leaves|leave|leaving|quit|quits|quitting|departed|departs|departing|exited|"
    r"exits|exiting|resigned\s+from|resigns\s+from|resigning\s+from|stepped\s+down\s+from|"
    r"steps\s+down\s+from|stepping\s+down\s+from|retired\s+from|retires\s+from|"
    r"is\s+leaving|will\s+leave|to\s+leave|parted\s+ways\s+with|parts\s+ways\s+with)\s+{DESC}"
    r"{E:from}",
    "left",
    "leav",
    "quit",
    "depart",
    "exit",
    "resign",
    "stepp",
    "retir",
    "part",
)
_LEAVE_BARE = cued(
    r"\b(?:resigned|resigns|resigning|stepped\s+down|steps\s+down|stepping\s+down|"
    r"(?:will|to|would)\s+step\s+down|departed|"
    r"departs|quit|quits|retired|retires|retire|is\s+leaving|left|will\s+leave|to\s+leave)\b"
    r"(?!\s+(?:for|to)\s+(?:join\s+)?(?:\ue000|the\s+))",
    "resign",
    "stepp",
    "depart",
    "quit",
    "retir",
    "leav",
    "left",
)
_EXIT_NOUN = cued(
    r"(?:\b(?:his|her|their)|{E:p}['’]s?)\s+(?:[\w-]+\s+)?(?:exit|departure|resignation|"
    r"retirement)\s+from\s+{DESC}{E:from}",
    "exit",
    "departure",
    "resignation",
    "retirement",
)
_LOSES = cued(
    r"\b(?:loses|lost|losing)\s+(?:(?:its|their|the)\s+)?(?:{ROLE}\s+)?{E:p}",
    "lose",
    "lost",
    "losing",
)
_FOUND = cued(
    r"(?<!newly\s)\b(?:co-?founded|founded|co-?founds|founds|started|starts|starting|launched|launches|"
    r"launching|set\s+up|sets\s+up|setting\s+up|formed|forms|created|creates|announced|"
    r"unveiled|incorporated|spun\s+up)\s+{DESC}{E:to}",
    "found",
    "start",
    "launch",
    "set up",
    "sets up",
    "setting up",
    "form",
    "creat",
    "announc",
    "unveil",
    "incorporat",
    "spun",
)
_FOUNDED_BY = cued(
    r"{E:to},\s+(?:(?:a|an|the)\s+[^,\ue000]{0,60}?\s+)?(?:that\s+|which\s+)?"
    r"(?P<who>he|she|{E:p})\s+(?:had\s+)?(?:co-?founded|founded|started)"
    r"(?!\s+(?:\ue000|an?\s|the\s|its\s|his\s|her\s|their\s))",  # (no object: the name before)
    "founded",
    "started",
)
_NEW_COMPANY = re.compile(r"\b(?:new|startup|start-up|company|venture|lab|school)\b", re.I)
_ARROW = rx(r"^\s*{E:p}\s*(?:→|->|➔|➡|⟶)\s*{E:to}\s*\.?\s*$")
_BECOME = cued(
    r"\b(?:will\s+become|became|becomes|has\s+become|to\s+become|took\s+over\s+as|"
    r"takes\s+over\s+as|taking\s+over\s+as|stepped\s+in\s+as|steps\s+in\s+as|stepping\s+in\s+as|"
    r"was\s+promoted\s+to|is\s+promoted\s+to|has\s+been\s+promoted\s+to|was\s+named|is\s+named|"
    r"has\s+been\s+named|was\s+appointed|is\s+appointed|has\s+been\s+appointed|"
    r"was\s+elevated\s+to|(?:will|would|to)\s+take\s+over\s+as|(?:would|to)\s+become|"
    r"(?:steps|stepped|stepping|(?:will|would|to)\s+step)\s+up\s+as|"
    r"(?:moves|moved|moving|(?:will|would|to)\s+move)\s+up\s+to|"
    r"(?:would|will)\s+succeed\s+{E}\s+as|succeeds\s+{E}\s+as|succeeded\s+{E}\s+as|"
    r"will\s+succeed\s+{E}\s+as|is\s+now|was\s+made|has\s+been\s+made|is\s+the\s+new|"
    r"was\s+the\s+new)\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:{E:owner}['’]?s?\s+)?"
    r"(?:new\s+|interim\s+|acting\s+)?(?P<role>[^,.;\ue000\ue002]{2,90}?)(?:\s+(?:of|at)\s+(?:the\s+)?(?:newly\s+(?:formed|created)\s+|"
    r"new\s+)?{E:to}|(?=\s*[,.;]|\s+and\s+(?:will|is|has|was|had|would|said)\s|"
    r"\s+(?:in|on|after|effective|starting|from|to|when|while)\s|$))",
    "become",
    "became",
    "step up",
    "steps up",
    "stepped up",
    "stepping up",
    "move up",
    "moves up",
    "moved up",
    "moving up",
    "take over",
    "takes over",
    "taking over",
    "stepp",
    "promoted",
    "named",
    "appointed",
    "elevated",
    "succeed",
    "is now",
    "was made",
    "been made",
    "the new",
    "was the new",
)
_WITH_PERSON = rx(r"\bwith\s+{E:p}(?:,[^,;]{1,100},)?\s*$")
_INTERNAL = re.compile(
    r"(?:took|takes|taking|(?:will|would|to)\s+take)\s+over|stepp?(?:ed|s|ing)\s+(?:in|up)|"
    r"(?:will|would|to)\s+step\s+up|mov(?:es|ed|ing)\s+up|(?:will|would|to)\s+move\s+up|"
    r"(?:was|is|has\s+been)\s+(?:promoted|elevated)",
    re.IGNORECASE,
)
_FOUNDER = re.compile(
    r"\b(?:he|she|they)\s+(?:had\s+)?(?:co-?)?founded\b|\bits\s+(?:co-?)?founders?\b", re.IGNORECASE
)
_AS_ROLE = re.compile(
    r"^\s*(?:,\s*)?(?:as|to\s+be|to\s+serve\s+as|to\s+lead|to(?=\s+(?:the\s+)?(?:chief|head|"
    r"president|vice|senior|executive|ceo|cto|cfo|coo|general|managing|director|lead|chair)))\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+|"
    r"new\s+)*(?P<role>[^,.;\ue000]{2,80}?)(?=\s*(?:,|\.|;|$|\s(?:and|to|in|on|at|after|where|last|"
    r"who|which|effective|from|starting|replacing|succeeding|overseeing|reporting)\b|"
    r"\s+(?:of|at|for)\s+\ue000))",
    re.IGNORECASE,
)
_FROM = re.compile(
    r"^(?:,[^,;]{1,100},)?[^.;\ue000]{0,60}?\bfrom\s+(?:the\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,3}?\ue000(\d+)\ue001"
)
_OBJECT_STOP = re.compile(r"\s(?:as|to|who|which|from|in\s+a|after|for|on)\s|;|\.(?:\s|$)")


_PREVIOUSLY = cued(
    r"\b(?:most\s+recently|previously|until\s+recently|until\s+now|before\s+that|formerly)\s+"
    r"(?:worked|served|was|spent\s+[\w\s]{1,20}?)\s+(?:at|for|with|as)\s+(?:an?\s+|the\s+)?"
    r"(?:{E:org}(?:['’]s?)?(?=[\s,.;]|$)|[^,;.\ue000]{0,60}?\b(?:at|of|for)\s+{E:org2})",
    "recently",
    "previously",
    "before that",
    "formerly",
    "until now",
)
_WHO_RAN = cued(
    r"{E:p},?\s+(?:an?\s+[^,\ue000]{0,40}?\s+)?who\s+(?:had\s+)?(?:ran|led|headed|oversaw|built|"
    r"co-led|managed|worked\s+on)\s+[^,;.\ue000]{0,60}?(?:{E:org}['’]?s?|\b(?:at|for)\s+{E:org2})",
    "who",
)
_SPELL_AT = cued(
    r"\b(?:after|spent|spending|following)\s+(?:a|an|his|her|their|the\s+(?:past|last))?\s*"
    r"(?:[\w-]+\s+){0,3}?(?:spell|stint|stints|tenure|years|decade|months|time|career)\s+"
    r"(?:at|with)\s+{DESC}{E:org}",
    "spell",
    "stint",
    "tenure",
    "years",
    "decade",
    "months",
    "time",
    "career",
)
_WAS_PREVIOUSLY = cued(
    r"\b(?:was|had\s+been|has\s+been|served\s+as)\s+(?:previously|formerly|most\s+recently|"
    r"until\s+recently|until\s+now|earlier)\s+(?:an?\s+|the\s+)?(?:{E:org}['’]s?\s+|"
    r"[^,;.\ue000]{0,60}?\b(?:at|of|with)\s+{E:org2})",
    "previously",
    "formerly",
    "recently",
    "until now",
    "earlier",
)


_VETERAN = cued(
    r"{E:p},\s+(?:an?\s+)?(?:(?:[\w-]+\s+){0,2}?(?:veteran|alumnus|alumna|alum)\s+of\s+{E:org}|"
    r"(?:former\s+|longtime\s+)?{E:org2}\s+(?:veteran|alumnus|alumna|alum)\b)",
    "veteran",
    "alum",
)


_WHO_WAS_AT = cued(
    r"{E:p},\s+who(?:\s+was|\s+had\s+been|['’]d\s+been|\s+(?:had\s+)?worked|\s+(?:had\s+)?spent"
    r"\s+[\w\s]{1,20}?)\s+(?:at|with)\s+{E:org}",
    "who",
)


_LATEST = re.compile(r"\b(?:most\s+recently|until\s+recently|until\s+now)\b", re.IGNORECASE)
# "Brandt, who had been president since 2023, succeeds ...": a post held with no company
# named is one at the company in focus (the one that named her)
_HELD_POST = cued(
    r"{E:p},\s+who(?:\s+had\s+been|['’]d\s+been|\s+has\s+been|\s+was|\s+is)\s+"
    r"(?:(?:the\s+company['’]s|(?P<its>its)|the)\s+)?"
    r"(?:[a-z][\w-]*\s+){0,2}?(?:{ROLE})(?=\s*,|\s+(?:since|until|for|before)\b)",
    "who had been",
    "who'd been",
    "who’d been",
    "who has been",
    "who was",
    "who is",
)


def _hints(p: Parsed, ctx: Context, out: Found) -> None:
    """Where a person last worked, for a move found elsewhere in the article: of several jobs
    of one person in one sentence the one said to be the latest, else the first told."""
    found = sorted(
        (
            m
            for pattern in (
                _PREVIOUSLY,
                _WAS_PREVIOUSLY,
                _SPELL_AT,
                _WHO_RAN,
                _VETERAN,
                _WHO_WAS_AT,
            )
            for m in pattern.finditer(p.masked)
        ),
        key=lambda m: m.start(),
    )
    best: dict[str, tuple[bool, Ent, Ent]] = {}
    for m in found:
        org = p.ent(m.groupdict().get("org") or m.groupdict().get("org2"))
        if org is not None and org.kind == "product":
            owner = ctx.product_owner(org)
            org = Ent(0, 0, owner, owner, "company", "alias") if owner else None
        person = p.ent(m.groupdict().get("p")) or subject(p, m.start(), ctx, kind="person")
        fronted = _FRONTED_PERSON.match(p.masked, m.end()) if m.start() <= 1 else None
        if person is None and fronted:
            person = p.ent(fronted.group("p"))  # "After five years at X, A co-founded Y"
        if person is None or org is None or not org.is_org() or org.via == "description":
            continue
        latest = bool(_LATEST.search(m.group(0)))
        if person.name not in best or (latest and not best[person.name][0]):
            best[person.name] = (latest, person, org)
    for m in _HELD_POST.finditer(p.masked):
        person = p.ent(m.group("p"))
        own = p.ref_at(m.start("its")) if m.group("its") else None
        name = own.name if own is not None else focus_company(ctx, p.sentence.index)
        if person is None or person.name in best or not name or blocked(p, m.start(), m.end()):
            continue
        best[person.name] = (False, person, Ent(0, 0, name, name, "company", "description"))
    for _latest, person, org in best.values():
        _move(p, ctx, out, person, org, None, None, 0.5, hint=True)


_FRONTED_PERSON = rx(r",\s+{E:p}\s+(?!said|says|told)[a-z]")


def talent(p: Parsed, ctx: Context, out: Found) -> None:
    """Every talent-move pattern of one sentence (hints last: a move found in the same
    sentence says more about where the person came from)."""
    _hires(p, ctx, out)
    _joins(p, ctx, out)
    _joined_as(p, ctx, out)
    _from_lists(p, ctx, out)
    _leaves(p, ctx, out)
    _foundings(p, ctx, out)
    _arrows(p, ctx, out)
    _becomes(p, ctx, out)
    _handovers(p, ctx, out)
    _runs_unit(p, ctx, out)
    _hints(p, ctx, out)
    _drop_background_moves(out)


def _drop_background_moves(out: Found) -> None:
    """ "A, who had moved to X last year, left X to join Y": the relative clause's move is
    background, the sentence's own move of the same person is the event."""
    main = {
        e.fields.get("person")
        for e in out.events
        if e.type == "talent_move" and not e.extra.get("background")
    }
    for e in out.events:
        if e.type != "talent_move" or e.extra.get("background") or e.fields.get("from"):
            continue
        # "A, who co-founded X after leaving Y, will join Z": A comes from X
        told = [
            b.fields
            for b in out.events
            if b.type == "talent_move"
            and b.extra.get("background")
            and b.fields.get("person") == e.fields.get("person")
        ]
        places = [f.get("to") for f in told] + [f.get("from") for f in told]
        e.fields["from"] = next((t for t in places if t and t != e.fields.get("to")), None)
    out.events[:] = [
        e
        for e in out.events
        if not (
            e.type == "talent_move" and e.extra.get("background") and e.fields["person"] in main
        )
    ]


def _hires(p: Parsed, ctx: Context, out: Found) -> None:
    for m in (*_HIRE.finditer(p.masked), *_APPOINTMENT.finditer(p.masked)):
        hirer = subject(p, m.start(), ctx) or _board_company(p, m.start(), ctx)
        if org_name(hirer) is None or blocked(p, m.start(), m.end(), stay=True):
            continue
        if hirer is not None and hirer.via == "description" and not _YOUNG.search(hirer.surface):
            buyer = _buyer_of(ctx, hirer.name)
            if buyer != hirer.name:
                hirer = Ent(
                    hirer.start, hirer.end, hirer.surface, str(buyer), "company", "description"
                )
        previous_org: str | None = None
        stop = _OBJECT_STOP.search(p.masked, m.end())
        end = stop.start() if stop else len(p.masked)
        people = [
            e
            for at, e in p.ents_in(m.end(), end)
            if person_ok(e)
            and (at <= m.end() + 1 or not _ORG_SLOT_BEFORE.search(p.masked, max(0, at - 6), at))
        ]
        if not people:
            described = _described_object(p, ctx, m.end())
            people = [described] if described else []
        group_origin = _origin_before(p, m.end(), people)
        for person in people:
            after = _after(p, person, m.end())
            role = _role_after(p, after) or _bare_role(p, person, after)
            origin = _origin(p, person, after) or group_origin
            if origin is None and person.founder_only and previous_org:
                origin = previous_org
            if (
                origin is None
                and person.founder_only
                and person.org
                and not person.former
                and person.org != org_name(hirer)
            ):
                origin = person.org  # "hired X, a co-founder of Y": X comes from Y
            if origin is None and _PROMOTE.match(m.group(0)):
                origin = hirer
            previous_org = org_name(origin) if isinstance(origin, Ent) else origin
            _move(p, ctx, out, person, origin, hirer, role, 0.8)


_YOUNG = re.compile(r"start-?up|upstart", re.IGNORECASE)
_ORG_SLOT_BEFORE = re.compile(r"\b(?:of|at|from|for|with)\s+$")


def _origin_before(p: Parsed, start: int, people: list[Ent]) -> Ent | None:
    """ "hired the founders of Lepton AI, A and B": where the people named next come from."""
    if not people or people[0] not in p.ents:
        return None
    head = _GROUP_ORIGIN.search(p.masked, start, p.ent_pos[p.ents.index(people[0])][0])
    origin = p.ent(head.group("org") or head.group("org2")) if head else None
    if origin is not None and origin.kind == "unknown":
        return Ent(origin.start, origin.end, origin.surface, origin.name, "company", origin.via)
    return origin


def _board_company(p: Parsed, pos: int, ctx: Context) -> Ent | None:
    """ "The Board of Directors has appointed X": the company the sentence is about."""
    if not re.search(
        r"\b(?:board|directors|shareholders)\b[^.;]{0,30}$",
        p.masked[max(0, pos - 60) : pos],
        re.IGNORECASE,
    ):
        return None
    orgs = [e for e in p.ents if org_name(e)]
    if orgs:
        return orgs[0]
    name = ctx.last_subject.get("company")
    return Ent(0, 0, name, name, "company", "description") if name else None


def _described_object(p: Parsed, ctx: Context, pos: int) -> Ent | None:
    """ "tapped Inflection AI's chief executive as ...": the person the list item is about."""
    m = rx(r"^(?:the\s+|its\s+)?(?:{E:org}['’]?s?\s+)?(?:former\s+)?{ROLE}").match(p.masked[pos:])
    if not m:
        return None
    return topic_person(p, ctx, org=p.ent(m.group("org")), text=m.group(0))


def _after(p: Parsed, person: Ent, default: int) -> int:
    """Masked position just after the person's placeholder (or ``default``)."""
    if person in p.ents:
        i = p.ents.index(person)
        return p.ent_pos[i][1]
    return default


def _role_after(p: Parsed, pos: int) -> str | None:
    tail = p.masked[pos:]
    tail = (
        re.sub(r"^,\s+(?:an?\s+|the\s+|its\s+|[^,]{0,60}?)\s*,", "", tail, count=1)
        if re.match(r"^,\s+[^,]{0,80},\s+as\b", tail)
        else tail
    )
    m = _AS_ROLE.match(tail)
    if not m or not ROLE_RE.search(m.group("role")):
        return None
    return _clean_role(p, m.group("role"))


def _bare_role(p: Parsed, person: Ent, pos: int) -> str | None:
    """ "Names Sridhar Ramaswamy Chief Executive Officer": a title right after the name."""
    m = re.match(r"^\s+(?P<role>(?:[A-Z][\w-]*\s?){1,5})", p.masked[pos:])
    if m and ROLE_RE.match(m.group("role")):
        return m.group("role").strip()
    m = _LOWER_ROLE.match(p.masked, pos)  # "has named A chief technology officer."
    if m and ROLE_RE.fullmatch(m.group("role")):
        return m.group("role")
    return None


_LOWER_ROLE = re.compile(
    r"\s+(?:its\s+|the\s+|their\s+)?(?:new\s+)?"
    r"(?P<role>[a-z][\w-]*(?:\s+(?:[a-z][\w-]*|[A-Z]{2,4}\b)){0,4}?)"  # "chief AI officer"
    r"(?=\s*(?:[,.;]|$)|\s+(?:effective|starting|from|in|on|after)\b)"
)


def _clean_role(p: Parsed, role: str) -> str:
    def name(m: re.Match[str]) -> str:
        e = p.ent(m.group("i"))
        return e.surface if e else ""

    return ENT.sub(name, role).strip()


def _origin(p: Parsed, person: Ent, after: int) -> Ent | str | None:
    """Where the person comes from: "from X", else a current title at X."""
    m = _FROM.match(p.masked[after:])
    if m:
        named = p.ent(m.group(1))
        if named is not None and named.via == "description" and person.org:
            return person.org
        return named
    if person.org and not person.founder_only:
        return person.org  # a current title, else a former one: where the person comes from
    return None


def _move(
    p: Parsed,
    ctx: Context,
    out: Found,
    person: Ent | None,
    origin: Ent | str | None,
    destination: Ent | str | None,
    role: str | None,
    confidence: float,
    *,
    leaving: bool = False,
    hint: bool = False,
) -> None:
    if not person_ok(person) or person is None:
        return
    to = destination if isinstance(destination, str) else org_name(destination)
    frm = origin if isinstance(origin, str) else org_name(origin)
    if not to and not frm:
        return
    names = [e for e in (person, origin, destination) if isinstance(e, Ent)]
    fields = {"person": person.name, "from": frm, "to": to, "role": role}
    anchor = (
        destination
        if isinstance(destination, Ent)
        else (origin if isinstance(origin, Ent) else None)
    )
    out.add(
        p,
        "talent_move",
        fields,
        confidence,
        names=names,
        extra={"leaving": leaving, "hint": hint, **past_year(p, ctx, near=anchor)},
    )


_TEAM_AFTER = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:team|unit|lab|labs|division|group|"
    r"research|staff|board|office|arm|organization|organisation)\b",
    re.IGNORECASE,
)


def _joins(p: Parsed, ctx: Context, out: Found) -> None:
    for m in _JOIN.finditer(p.masked):
        target = p.ent(m.group("to"))
        if target is not None and target.possessive and _TEAM_AFTER.match(p.masked, m.end()):
            target = Ent(
                target.start, target.end, target.surface, target.name, target.kind, target.via
            )  # "joined OpenAI's hardware team": joined OpenAI
        group, group_origin = subject_people(p, m.start())
        if (
            group
            and target is not None
            and not target.possessive
            and not blocked(p, m.start(), m.end(), stay=True)
        ):
            for member in group:
                origin = _origin(p, member, m.end()) or group_origin
                _move(p, ctx, out, member, origin, target, _role_after(p, m.end()), 0.75)
            continue
        person = subject(p, m.start(), ctx, kind="person")
        if (
            person is None
            or target is None
            or target.possessive
            or _STAYS.search(p.masked)
            or blocked(p, m.start(), m.end(), stay=True)
        ):
            continue
        for other in _fellow_subjects(p, person, m.start()):
            _move(p, ctx, out, other, _origin(p, other, m.start()), target, None, 0.7)
        if _IN_RELATIVE.search(p.masked, 0, m.start()) and _MAIN_VERB_AFTER.match(
            p.masked, m.end()
        ):
            _move(p, ctx, out, person, _origin(p, person, m.end()), target, None, 0.6)
            out.events[-1].extra["background"] = True
            continue
        after = m.end()
        role = _role_after(p, after) or _role_after(p, _skip_from(p, after))
        origin = _origin(p, person, after)
        if origin is None and person.founder_only and person.org and not person.former:
            origin = person.org  # "HashiCorp co-founder Armon Dadgar will join IBM"
        left = _LEFT_BEFORE.search(p.masked, max(0, m.start() - 80), m.start())
        if left and not _FROM.match(p.masked[after:]) and org_name(p.ent(left.group("from"))):
            origin = p.ent(left.group("from"))
        if m.group(0).lower().startswith(("left", "leav", "depart")):
            origin = origin or _leave_origin(p, person) or _sentence_subject_company(p, target)
        _move(p, ctx, out, person, origin, p.ent(m.group("to")), role, 0.8)


def _mark_background(p: Parsed, out: Found, m: re.Match[str]) -> None:
    """A move told in a relative clause before the main verb ("A, who co-founded X after
    leaving Y, will join Z") is background to the sentence's own move."""
    if (
        out.events
        and out.events[-1].type == "talent_move"
        and _WHO_OPEN.search(p.masked, 0, m.start())
        and _MAIN_VERB_AFTER.match(p.masked, m.end())
    ):
        out.events[-1].extra["background"] = True


_WHO_OPEN = re.compile(r"\ue001,\s+who\s+[^,;\ue000]*(?:\ue000\d+\ue001[^,;\ue000]*)*$")
_IN_RELATIVE = re.compile(
    r"\ue001,(?:\s+(?:an?|the|its)\s+[^,;]{0,40}?)?\s+who\s+(?:had\s+|has\s+|later\s+|then\s+|"
    r"once\s+)*$"
)
# "A left X in February to join Y": the origin is X, over a title A holds elsewhere
_LEFT_BEFORE = rx(
    r"\b(?:left|leaving|quit|departed|exited)\s+{DESC}{E:from}\s+(?:(?:in|on|last|this|earlier|"
    r"later)\s+\w+\s+)?(?:to|and)\s+$"
)
_MAIN_VERB_AFTER = re.compile(r"[^,;]{0,40},\s+(?:has\s+|had\s+|then\s+)?[a-z]+\s")


_COME_FROM = cued(
    r"\b(?:come|comes|came|hail|hails|arrive|arrives|arrived|are|were|joined|join|"
    r"joins)\s+(?:over\s+|across\s+)?(?:(?:last|this|earlier\s+this)\s+(?:week|month|year|"
    r"spring|summer|autumn|fall|winter)\s+|in\s+(?:\d{4}|[A-Z][a-z]+)\s+)?"
    r"(?:as\s+(?:the\s+|its\s+|a\s+|an\s+)?(?:new\s+)?(?P<role>[^,.;\ue000]{2,60}?)\s+)?"
    r"from\s+{DESC}{E:from}\s*(?P<colon>:)?",
    "from",
)


_JOINED_AS = cued(
    r"\b(?:joined|joins|has\s+joined|have\s+joined|came\s+on\s+board|came\s+aboard|signed\s+on)"
    r"\s+as\s+(?:(?P<its>its)\s+|the\s+|a\s+|an\s+)?(?:new\s+)?(?P<role>[^,.;\ue000]{2,60}?)"
    r"(?=\s*(?:[,.;]|$)|\s+(?:in|on|last|this|after|from)\b)",
    "joined as",
    "joins as",
    "board as",
    "aboard as",
    "signed on as",
)


def _joined_as(p: Parsed, ctx: Context, out: Found) -> None:
    """ "A, who was at Stripe for six years, joined as CFO": no company named, the one the
    speaker (an interviewee's "our") or the sentence's "its" stands for."""
    for m in _JOINED_AS.finditer(p.masked):
        person = subject(p, m.start(), ctx, kind="person")
        if person is None or not ROLE_RE.search(m.group("role")) or blocked(p, m.start(), m.end()):
            continue
        own = p.ref_at(m.start("its")) if m.group("its") else None
        home = own.name if own is not None else speaker_company(ctx, p.sentence)
        if home is None:
            continue
        origin = person.org if person.org != home and not person.founder_only else None
        _move(p, ctx, out, person, origin, home, _clean_role(p, m.group("role")), 0.65)


def _from_lists(p: Parsed, ctx: Context, out: Found) -> None:
    """ "Five come from OpenAI: A, who ...; B ...", "A and B join from Google DeepMind": moves to
    the company the article is about."""
    for m in _COME_FROM.finditer(p.masked):
        origin = p.ent(m.group("from"))
        if origin is None or not origin.is_org() or blocked(p, m.start(), m.end()):
            continue
        if m.group("colon"):
            people = [e for _, e in p.ents_in(m.end(), len(p.masked)) if person_ok(e)]
        else:
            start = max(p.masked.rfind(";", 0, m.start()), p.masked.rfind(". ", 0, m.start()), 0)
            found = p.ents_in(start, m.start())
            people = [e for _, e in found if person_ok(e) and not e.possessive]
            # "Mosaic's head of research, A, came over from Cohere", "Its CFO, A, joined ...
            # from Snowflake": the title's company is where they went
            owner = next((e for _, e in found if e.possessive and org_name(e)), None)
            if owner is not None and org_name(owner) != origin.name:
                _moves_to(p, ctx, out, people, origin, org_name(owner))
                continue
            if _ITS_TITLE.match(p.masked, start):
                home = focus_company(ctx, p.sentence.index, pronoun=True)
                if home and home != origin.name:
                    _moves_to(p, ctx, out, people, origin, home)
                    continue
        destination = _buyer_of(
            ctx, _usual_destination(ctx, out, origin.name) or _main_other_than(ctx, origin.name)
        )
        role = m.group("role") if m.group("role") and ROLE_RE.search(m.group("role")) else None
        for person in people:
            _move(p, ctx, out, person, origin, destination, role, 0.6)


_ITS_TITLE = re.compile(r"[;.]?\s*(?:[Ii]ts|[Tt]heir)\s+(?:new\s+)?[a-z][\w -]{1,40},\s")


def _buyer_of(ctx: Context, name: str | None) -> str | None:
    """A company inferred as a hire's destination that the article tells was bought by
    another: the buyer hires (a release's "acquired Y ... The company named A its CTO")."""
    for event in ctx.events:
        if event.type == "acquisition" and event.fields.get("target") == name:
            buyer = event.fields.get("acquirer")
            if buyer and buyer in ctx.doc.salience:
                return str(buyer)
    return name


def _moves_to(
    p: Parsed, ctx: Context, out: Found, people: list[Ent], origin: Ent, home: str | None
) -> None:
    for person in people:
        _move(p, ctx, out, person, origin, home, None, 0.6)


def _usual_destination(ctx: Context, out: Found, origin: str) -> str | None:
    """Where the article's other moves go ("Joel Pobar returns to Meta")."""
    seen = Counter(
        e.fields.get("to")
        for e in [*ctx.events, *out.events]
        if e.type == "talent_move" and e.fields.get("to") not in (None, origin)
    )
    return seen.most_common(1)[0][0] if seen else None


def _main_other_than(ctx: Context, name: str) -> str | None:
    kinds = {n: k for _, n, k in ctx.doc.recent}
    for candidate, _count in ctx.doc.salience.most_common():
        if (
            kinds.get(candidate) == "company"
            and candidate != name
            and ctx.parent_company(name) != candidate
        ):
            return candidate
    return None


def _fellow_subjects(p: Parsed, person: Ent, pos: int) -> list[Ent]:
    """ "A, B's chief executive, president C and other members would join X": B and C too."""
    if person not in p.ents:
        return []
    start = p.ent_pos[p.ents.index(person)][1]
    return [
        e
        for _, e in p.ents_in(start, pos)
        if person_ok(e)
        and e is not person
        and not e.possessive
        and not re.search(
            r"\b(?:to|with|by|from|for)\s+$",
            p.masked[max(0, start) : p.ent_pos[p.ents.index(e)][0]][-12:],
        )
    ]


def _skip_from(p: Parsed, pos: int) -> int:
    m = _FROM.match(p.masked[pos:])
    return pos + m.end() if m else pos


def _sentence_subject_company(p: Parsed, target: Ent | None) -> Ent | None:
    """ "X named Y chief executive after Z departed for W": Z left X."""
    first = first_subject(p)
    if first is not None and org_name(first) and (target is None or first.name != target.name):
        return first
    return None


def _leave_origin(p: Parsed, person: Ent) -> str | None:
    return person.org


def _leaves(p: Parsed, ctx: Context, out: Found) -> None:
    taken: list[int] = []
    for m in _LEAVE.finditer(p.masked):
        group = subject_people(p, m.start())[0]
        participle = _PARTICIPLE_BEFORE.search(p.masked, max(0, m.start() - 8), m.start())
        if not group and participle:
            group = subject_people(p, participle.start())[0]  # "A and B founded X after leaving Y"
        person = subject(p, m.start(), ctx, kind="person")
        if (person is None and not group) or blocked(p, m.start(), m.end(), stay=True):
            continue
        taken.append(m.start())
        for someone in group or ([person] if person is not None else []):
            place = object_at(p, m, "from")
            if place is None or not place.is_org():
                place = p.ent(m.group("from"))
            left: Ent | str | None = place
            if place is not None and place.via == "description" and someone.org:
                left = someone.org
            home, role = _new_home(p, m.end()), _new_home_role(p, m.end())
            _move(p, ctx, out, someone, left, home, role, 0.75, leaving=True)
            _mark_background(p, out, m)
    for m in _LEAVE_BARE.finditer(p.masked):
        if m.start() in taken or ENT.match(p.masked, m.end() + 1):
            continue
        person = subject(p, m.start(), ctx, kind="person")
        if person is None or blocked(p, m.start(), m.end(), stay=True):
            continue
        origin: Ent | str | None = (person.org if not person.founder_only else None) or _only_org(p)
        if origin is None and person.role and not person.former:
            origin = focus_company(ctx, p.sentence.index)  # "X, the adviser for Y, left"
        _move(p, ctx, out, person, origin, None, person.role, 0.65, leaving=True)
    for m in _STEP_DOWN_AS.finditer(p.masked):
        person = subject(p, m.start(), ctx, kind="person")
        if person is not None and not blocked(p, m.start(), m.end(), stay=True):
            taken.append(m.start())
            _move(p, ctx, out, person, object_at(p, m, "from"), None, None, 0.7, leaving=True)
    for m in _EXIT_NOUN.finditer(p.masked):
        person = p.ent(m.group("p")) or _pronoun_person(p, ctx, m.start())
        _move(p, ctx, out, person, p.ent(m.group("from")), None, None, 0.65, leaving=True)
    for m in _LOSES.finditer(p.masked):
        person = p.ent(m.group("p"))
        company = subject(p, m.start(), ctx)
        if not blocked(p, m.start(), m.end(), stay=True):
            _move(p, ctx, out, person, company, None, None, 0.7, leaving=True)


_PARTICIPLE_BEFORE = re.compile(r"\b(?:after|before|since|upon|when|while)\s+$", re.IGNORECASE)
_STEP_DOWN_AS = cued(
    r"\b(?:stepped|steps|stepping|step)\s+down\s+as\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,4}?(?:of|at)\s+"
    r"{DESC}{E:from}",
    "down as",
)
_NEW_HOME = rx(
    r"^(?:['’]s?\s+(?:[\w-]+\s+){0,3}?)?\s*(?:(?:in|on|last|this|earlier|later|early|late)\s+"
    r"(?:\w+\s+){1,2}?)?(?:to\s+(?:join|start|found|launch|"
    r"co-found|lead|become)|for)\s+{DESC}{E:to}"
)


def _new_home(p: Parsed, pos: int) -> Ent | None:
    """ "left X to start Y", "left X for Y"."""
    m = _NEW_HOME.match(p.masked[pos:])
    return p.ent(m.group("to")) if m else None


_TO_FOUND = re.compile(r"\bto\s+(?:co-?found|found|start|launch|set\s+up)\s", re.IGNORECASE)


def _new_home_role(p: Parsed, pos: int) -> str | None:
    """ "left Intel in 2023 to co-found Quillmark": the new company is founded, its role co-founder."""
    m = _NEW_HOME.match(p.masked[pos:])
    return "co-founder" if m and _TO_FOUND.search(m.group(0)) else None


def _only_org(p: Parsed) -> str | None:
    orgs = {org_name(e) for e in p.ents if org_name(e) and not e.modifier}
    return orgs.pop() if len(orgs) == 1 else None


def _pronoun_person(p: Parsed, ctx: Context, pos: int) -> Ent | None:
    topic = ctx.topic.get(p.sentence.block)
    if topic and topic[1] == "person":
        return Ent(0, 0, topic[0], topic[0], "person", "pronoun")
    name = ctx.last_subject.get("person")
    return Ent(0, 0, name, name, "person", "pronoun") if name else None


_FOUNDED_BY_PERSON = cued(
    r"{E:to},?\s+(?:(?:the|a|an)\s+[^,\ue000]{0,60}?\s+|{E}\s+)?(?:(?:was|were|is|had\s+been|"
    r"has\s+been)\s+)?(?:co-?founded|founded|started|set\s+up|launched|created)\s+"
    r"(?:in\s+\w+\s+)?by\s+(?:(?:former|ex-)\s*)?(?:{E}['’]?s?\s+)?"
    r"(?:(?:{ROLE}s?|(?:(?!(?:with|and|alongside|along|together|in)\s)[a-z][\w-]*\s+){1,3}?)\s*)?"
    r"{E:p}(?P<more>(?:(?:,\s+(?:and\s+)?|"
    r"\s+and\s+|\s+(?:along\s+|together\s+)?with\s+|\s+alongside\s+)(?:fellow\s+)?{E})*)",
    "founded",
    "started",
    "set up",
    "launched",
    "created",
)


_WITH_FOUNDERS = rx(
    r"(?:,?\s+(?:in|last|this|early|late|earlier)\s+(?:\w+\s+)?\w+)?,?\s+(?:along\s+|together\s+)?"
    r"with\s+(?:fellow\s+|(?:former|ex-)\s*{E}['’]?s?\s+(?:[a-z][\w-]*\s+){0,2}?|"
    r"(?:(?!(?:and|or)\s)[a-z][\w-]*\s+){1,2}?)?"
    r"(?P<list>{E}(?:(?:,\s+(?:and\s+)?|\s+and\s+){E})*)"
)


# "..., all former Apple designers", "..., all of whom worked at Google": the group's origin
_ALL_FROM = rx(
    r",\s+(?:all|both)\s+(?:of\s+(?:them|whom)\s+)?(?:(?:former|ex-)\s*{E:org}|"
    r"(?:(?:had\s+)?worked|came|come)\s+(?:at|from|for)\s+{E:org2}|"
    r"(?:were\s+)?(?:[\w-]+\s+)?(?:veterans|alumni)\s+of\s+{E:org3})"
)


def _group_origin(p: Parsed, pos: int) -> str | None:
    m = _ALL_FROM.match(p.masked, pos)
    if m is None:
        return None
    org = p.ent(m.group("org") or m.group("org2") or m.group("org3"))
    return org_name(org) if org is not None and org.is_org() else None


def _with(p: Parsed, pos: int) -> tuple[list[Ent], str | None]:
    """ "A co-founded X in 2021 with B and C": B and C founded it too (and where the group
    came from, if a phrase after them says)."""
    m = _WITH_FOUNDERS.match(p.masked, pos)
    if m is None:
        return [], None
    people = [p.ent(i) for i in re.findall(r"\ue000(\d+)\ue001", m.group("list"))]
    return [e for e in people if e is not None and person_ok(e)], _group_origin(p, m.end())


def _foundings(p: Parsed, ctx: Context, out: Found) -> None:
    for m in _FOUNDED_BY_PERSON.finditer(p.masked):
        company = p.ent(m.group("to"))
        if company is None or not company.is_org() or blocked(p, m.start(), m.end()):
            continue
        more = [p.ent(i) for i in re.findall(r"\ue000(\d+)\ue001", m.group("more"))]
        shared = _group_origin(p, m.end())
        for person in (p.ent(m.group("p")), *more):
            if person is None or not person.looks_like_person():
                continue
            origin = person.org if person.org != company.name and not person.founder_only else None
            origin = origin or shared
            _move(p, ctx, out, person, origin, company, "co-founder", 0.65)
    for m in _FOUND.finditer(p.masked):
        company = p.ent(m.group("to"))
        if (
            company is None
            or company.kind not in ("company", "unknown")
            or blocked(p, m.start(), m.end())
        ):
            continue
        group = subject_people(p, m.start())[0]
        person = subject(p, m.start(), ctx, kind="person")
        verb = m.group(0).split()[0].lower()
        if (person is None and not group) or (
            verb in ("announced", "unveiled", "launched", "launches")
            and not _NEW_COMPANY.search(p.masked[m.start() : m.end() + 90])
        ):
            continue
        founders, shared = _with(p, m.end())
        for someone in [*(group or ([person] if person is not None else [])), *founders]:
            origin = (
                someone.org if someone.org != company.name and not someone.founder_only else None
            ) or shared  # a former title too: a founder comes from the last employer
            _move(p, ctx, out, someone, origin, company, "co-founder", 0.7)
            _mark_background(p, out, m)
    for m in _FOUNDED_BY.finditer(p.masked):
        who = p.ent(m.group("p")) if m.group("p") else _pronoun_person(p, ctx, m.start())
        if not blocked(p, m.start(), m.end(), stay=True):
            _move(p, ctx, out, who, None, p.ent(m.group("to")), "co-founder", 0.6)


_HANDS_ROLE = cued(
    r"\b(?:hand(?:s|ed|ing)?|pass(?:es|ed|ing)?|turn(?:s|ed|ing)?)\s+(?:over\s+)?(?:the|his|her|its)\s+"
    r"(?P<role>(?:[\w-]+\s+){0,3}?)(?:role|job|post|reins|title|position)\s+(?:over\s+)?to\s+{E:p}",
    "hand",
    "pass",
    "turn",
)


def _handovers(p: Parsed, ctx: Context, out: Found) -> None:
    """ "X is handing the chief executive role to Y": Y moves up inside X's company (the one
    X works at or founded)."""
    for m in _HANDS_ROLE.finditer(p.masked):
        giver = subject(p, m.start(), ctx, kind="person")
        founded = [
            str(e.fields["to"])
            for e in out.events
            if e.type == "talent_move"
            and giver is not None
            and e.fields.get("to")
            and e.fields.get("person") == giver.name
        ]
        company = (
            (giver.org if giver is not None and giver.org else None)
            or (founded[0] if founded else None)
            or _only_org(p)
            or focus_company(ctx, p.sentence.index)
        )
        role = m.group("role").strip() or None
        if company and not blocked(p, m.start(), m.end()):
            _move(p, ctx, out, p.ent(m.group("p")), company, company, role, 0.65)


# "The chipmaker said Lumenfold's chief executive, Daniel Okoro, would run a new audio
# division": the person moves to the company that will have the division (the speaker's)
_RUN_UNIT = cued(
    r"\b(?:will|would|is\s+to|was\s+to|to)\s+(?:now\s+)?(?:run|lead|head|oversee|helm)\s+"
    r"(?:a|an|the|its|their)\s+(?:newly\s+(?:formed|created)\s+|new\s+)(?P<unit>(?:[\w-]+\s+){0,3}?"
    r"(?:division|unit|team|group|lab|arm|business|department|organi[sz]ation))\b"
    r"(?:\s+(?:at|of|inside|within)\s+{E:at})?",
    "run",
    "lead",
    "head",
    "oversee",
    "helm",
)
_SPEAKER = rx(r"(?:^|[,;]\s+)(?:the\s+)?{E:org}\s+(?:also\s+)?(?:said|says|announced|added)\b")


def _runs_unit(p: Parsed, ctx: Context, out: Found) -> None:
    for m in _RUN_UNIT.finditer(p.masked):
        person = subject(p, m.start(), ctx, kind="person")
        if person is None or blocked(p, m.start(), m.end(), stay=True):
            continue
        speaker = _SPEAKER.search(p.masked, 0, m.start())
        home = p.ent(m.group("at")) or (p.ent(speaker.group("org")) if speaker else None)
        destination: Ent | str | None = home if org_name(home) else None
        if destination is None:
            destination = focus_company(ctx, p.sentence.index)
        origin = person.org if not person.founder_only else None
        role = "head of " + re.sub(r"^(?:the|a|an)\s+", "", m.group("unit").strip())
        _move(p, ctx, out, person, origin, destination, role, 0.6)


def _arrows(p: Parsed, ctx: Context, out: Found) -> None:
    m = _ARROW.match(p.masked)
    if m:
        _move(p, ctx, out, p.ent(m.group("p")), None, p.ent(m.group("to")), None, 0.75)


def _becomes(p: Parsed, ctx: Context, out: Found) -> None:
    for m in _BECOME.finditer(p.masked):
        person = subject(p, m.start(), ctx, kind="person")
        with_person = _WITH_PERSON.search(p.masked[max(0, m.start() - 160) : m.start()])
        if with_person:
            person = p.ent(with_person.group("p")) or person
        if (
            person is None
            or not ROLE_RE.search(m.group("role"))
            or blocked(p, m.start(), m.start("role"), stay=True)
        ):
            continue  # (the role may say "what remains of the company": no staying)
        owner, named = p.ent(m.group("owner")), p.ent(m.group("to"))
        if owner is not None and named is not None and named.via != "name":
            named = None  # "becomes OpenAI's CEO of Applications": the owner hires
        destination: Ent | str | None = named or owner
        successor_home = _successor_home(p, ctx, out, person) if destination is None else None
        if successor_home is not None:
            destination = successor_home  # "He succeeds A, who becomes chief scientist"
        its = _ITS.search(m.group(0))
        if destination is None and its is not None:
            destination = p.ref_at(m.start() + its.start())  # "is now our COO": the speaker's
        if destination is None:
            destination = person.org or _sentence_company(p, ctx)
        origin: Ent | str | None = person.org if not person.founder_only else None
        if successor_home is not None and (origin is None or person.founder_only):
            origin = successor_home  # the one succeeded was there already
        if (
            origin is None
            and destination is not None
            and not person.former
            and (_INTERNAL.match(m.group(0)) or _FOUNDER.search(p.text))
        ):
            origin = destination  # "took over as chief executive": an internal move
        if origin is None and destination is not None and _worked_there(p, m.end(), destination):
            origin = destination  # "becomes X's head of science after running product there"
        _move(
            p,
            ctx,
            out,
            person,
            origin,
            destination,
            _REMAINS.sub("", _clean_role(p, m.group("role"))),
            0.7,
            hint=m.group(0).lower().startswith("succeeded"),
        )


_REMAINS = re.compile(r"\s+of\s+(?:what|whatever)\s+(?:remains|is\s+left)\b.*$", re.IGNORECASE)


_ITS = re.compile(r"\bits\s")
_SUCCEEDED = re.compile(
    r"\b(?:succeeds|succeeded|succeeding|(?:will|would|to)\s+succeed|replaces|replaced|replacing|"
    r"(?:will|would|to)\s+replace|t(?:akes|ook|aking)\s+over\s+from)\s+(?:the\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,3}?$",
    re.IGNORECASE,
)


def _successor_home(p: Parsed, ctx: Context, out: Found, person: Ent) -> str | None:
    """ "He succeeds co-founder A, who becomes chief scientist": A stays at the company the
    successor moves to (the successor's move told in this sentence or before)."""
    if person not in p.ents:
        return None
    at = p.ent_pos[p.ents.index(person)][0]
    m = _SUCCEEDED.search(p.masked, max(0, at - 60), at)
    if m is None:
        return None
    successor = subject(p, m.start(), ctx, kind="person")
    if successor is None:
        return None
    for event in reversed([*ctx.events, *out.events]):
        if event.type == "talent_move" and event.fields.get("person") == successor.name:
            to = event.fields.get("to")
            if to:
                return str(to)
    return None


# "after running product at the company since 2024", "after two years leading its applied
# team", "after a decade there": the new role's company was already the person's
_WORKED_THERE = rx(
    r"[^.;\ue000]{0,40}?\b(?:after|following)\s+(?:[\w-]+\s+){0,3}?(?:(?:running|leading|heading|"
    r"overseeing|managing|building|working\s+(?:on|in)|serving\s+as)\s+[^.;\ue000]{0,60}?"
    r"(?:\b(?:at|for|with|in)\s+{E:org}(?!['’])|(?P<its>\bits)\s|\bthere\b)|(?:years|months|"
    r"decade|stint|spell|time)\s+(?:at\s+{E:org2}(?!['’])|there\b))"
)


def _worked_there(p: Parsed, pos: int, destination: Ent | str) -> bool:
    m = _WORKED_THERE.match(p.masked, pos)
    if m is None:
        return False
    name = destination if isinstance(destination, str) else destination.name
    if m.group("its"):
        ref = p.ref_at(m.start("its"))
        return ref is not None and ref.name == name
    org = p.ent(m.group("org") or m.group("org2"))
    return org is None or org.name == name


def _sentence_company(p: Parsed, ctx: Context) -> str | None:
    orgs = [org_name(e) for e in p.ents if org_name(e)]
    return orgs[0] if orgs else ctx.last_subject.get("company")


# several people as one subject ---------------------------------------------------------------

_GROUP_OPEN = re.compile(
    r";|:\s|\.\s|\b(?:said|says|announced|that|while|after|before|when|because|although|but|"
    r"whereas|as)\s",
    re.IGNORECASE,
)
_AFTER_PREPOSITION = re.compile(
    r"\b(?:to|with|by|from|for|of|at|under|than|as|on|in|about|into|between|among|"
    r"hired|hires|appointed|named|poached|recruited|replacing|succeeding|told|joined)\s+"
    r"(?:the\s+|its\s+|their\s+|former\s+|ex-)?(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_LINK = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+|\s*[—–]\s+|"
    r",(?:[^,;\ue000\ue002]|\ue000\d+\ue001(?=['’]s?\s)){1,80},\s+(?:and\s+)?)"
)  # the last: an aside on the person before ("A, Tessellate's chief executive, and B")
_GROUP_ORIGIN = rx(
    r"(?:\b(?:co-?founders?|founders?|researchers?|engineers?|employees|executives|staff(?:ers)?|"
    r"members|veterans|alumni|leaders|scientists|colleagues)\s+(?:of|from|at)\s+{E:org}|"
    r"{E:org2}['’]?s?\s+(?:[\w-]+\s+){0,2}?(?:co-?founders|founders|researchers|engineers|"
    r"employees|executives|leaders|scientists))(?:\s*[—–:,]\s*(?:[a-z][\w-]*\s+){0,2})?\s*$"
)


def subject_people(p: Parsed, pos: int) -> tuple[list[Ent], Ent | None]:
    """The people who are the subject of the verb at masked ``pos`` when several are named
    ("A, B and C, who co-founded X in 2017, are joining Y"; "A and B, who left X, founded Y"),
    and the company a describing phrase puts them at ("Three co-founders of X — A, B and C")."""
    start = max((m.end() for m in _GROUP_OPEN.finditer(p.masked, 0, pos)), default=0)
    found = []
    for at, e in p.ents_in(start, pos):
        if (
            person_ok(e)
            and not e.possessive
            and not _AFTER_PREPOSITION.search(p.masked[max(start, at - 40) : at])
        ):
            found.append((at, e))
    if len(found) < 2:
        return [], None
    group = [found[-1]]
    for at, e in reversed(found[:-1]):
        end = p.ent_pos[p.ents.index(e)][1]
        if not _LINK.fullmatch(p.masked[end : group[0][0]]):
            break
        group.insert(0, (at, e))
    if len(group) < 2:
        return [], None
    head = _GROUP_ORIGIN.search(p.masked, start, group[0][0])
    origin = p.ent(head.group("org") or head.group("org2")) if head else None
    if origin is not None and origin.kind == "unknown":  # "Oxford Semantic's founders": a company
        origin = Ent(origin.start, origin.end, origin.surface, origin.name, "company", origin.via)
    return [e for _, e in group], origin


__all__ = ["described_person", "subject_people", "talent"]
