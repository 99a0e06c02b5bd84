"""find_parameters on krav sentences from the seeds (quoted as extracted) and on the brief's phrasings."""

from __future__ import annotations

import pytest

from kravcheck.krav import Comparator, Parameter, Unit
from kravcheck.parameters import find_parameters

AT_MOST, AT_LEAST, LESS, MORE, EQUAL = (
    Comparator.AT_MOST, Comparator.AT_LEAST, Comparator.LESS, Comparator.MORE, Comparator.EQUAL
)  # fmt: skip


def duration(value, unit: Unit, comparator: Comparator, source: str) -> Parameter:
    return Parameter(value, unit, comparator, source)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Om medicinsk bedömning behövs ska denna erbjudas inom tre dagar.",
            [duration(3, Unit.DAY, AT_MOST, "inom tre dagar")],
        ),
        (
            "Telefontillgängligheten ska vara god, de som ringer in till hälsocentralen ska få kontakt med vården "
            "inom fyra timmar efter att inringning skett.",
            [duration(4, Unit.HOUR, AT_MOST, "inom fyra timmar")],
        ),
        (
            "Primärvårdens akutuppdrag innefattar tillstånd som ska bedömas inom 24 timmar, men som inte är akut "
            "livshotande.",
            [duration(24, Unit.HOUR, AT_MOST, "inom 24 timmar")],
        ),
        (
            "Besvara ärenden inom fyra veckor, med ett patientanpassat svar som:",
            [duration(4, Unit.WEEK, AT_MOST, "inom fyra veckor")],
        ),
        (
            "Region Norrbotten fattar beslut inom 60 dagar från det att en fullständig ansökan inkommit.",
            [duration(60, Unit.DAY, AT_MOST, "inom 60 dagar")],
        ),
        (
            "Beslutade ändringar ska meddelas till leverantörerna minst 90 dagar innan de börjar gälla.",
            [duration(90, Unit.DAY, AT_LEAST, "minst 90 dagar")],
        ),
        (
            "Om en leverantör inte godkänner en villkorsändring ska detta meddelas skriftligen till regionen inom 60 "
            "dagar från beslutet. Avtalet upphör då att gälla 12 månader efter det att leverantören lämnat sitt "
            "meddelande.",
            [duration(60, Unit.DAY, AT_MOST, "inom 60 dagar"), duration(12, Unit.MONTH, EQUAL, "12 månader")],
        ),
        (
            "Patienten ska kunna nå vården samma dag via telefon, digitala kanaler eller fysiskt besök.",
            [duration(0, Unit.DAY, AT_MOST, "samma dag")],
        ),
        (
            "Den som ringer efter klockan 14 rings upp nästa vardag, och en bedömning får man senast dagen efter.",
            [duration(1, Unit.DAY, AT_MOST, "nästa vardag"), duration(1, Unit.DAY, AT_MOST, "dagen efter")],
        ),
        ("Primärvården erbjuder vård när behov inte kan vänta till nästa vardag men inte kräver sjukhusvård.", []),
        (
            "Vid höjd beredskap ska kontinuitet säkerställas för primärvård och folktandvård under störda "
            "förhållanden och påverkad infrastruktur i upp till 3 månader.",
            [duration(3, Unit.MONTH, AT_MOST, "upp till 3 månader")],
        ),
        (
            "Längre frånvaro av kritisk kompetens, till exempel avsaknad av läkare på hälsocentralen över en dag",
            [duration(1, Unit.DAY, MORE, "över en dag")],
        ),
        (
            "Bedömningar som kan vänta upp till ett dygn kan planeras till särskilda tidsfönster",
            [duration(1, Unit.DAY, AT_MOST, "upp till ett dygn")],
        ),
        ("Svar ska lämnas senast inom en månad.", [duration(1, Unit.MONTH, AT_MOST, "senast inom en månad")]),
        ("Beslut fattas inom ett år.", [duration(1, Unit.YEAR, AT_MOST, "inom ett år")]),
        ("Remissvar inom två veckor.", [duration(2, Unit.WEEK, AT_MOST, "inom två veckor")]),
    ],
)
def test_durations(text, expected):
    assert find_parameters(text) == expected


def test_minutes_become_hours():
    """There is no minute unit: "högst 30 minuter" is half an hour."""
    assert find_parameters("Väntetiden i telefon ska vara högst 30 minuter.") == [
        duration(0.5, Unit.HOUR, AT_MOST, "högst 30 minuter")
    ]


def test_whole_values_are_ints():
    """A catalogue says 3, not 3.0."""
    [parameter] = find_parameters("erbjudas inom tre dagar")
    assert type(parameter.value) is int


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Årligen lämna in en patientsäkerhetsberättelse senast den 25 februari till regionens "
            "patientsäkerhetsstrateg.",
            [Parameter("--02-25", Unit.DATE, AT_MOST, "senast den 25 februari")],
        ),
        ("Rapporten lämnas senast 31 mars.", [Parameter("--03-31", Unit.DATE, AT_MOST, "senast 31 mars")]),
        (
            "Planen lämnas senast den 1 mars 2026.",
            [Parameter("2026-03-01", Unit.DATE, AT_MOST, "senast den 1 mars 2026")],
        ),
        (
            "Samtliga leverantörer i Vårdval primärvård ska, senast vid utgången av 2022, kunna erbjuda Norrbottens "
            "medborgare digitala kontakter via chatt och video.",
            [Parameter("2022-12-31", Unit.DATE, AT_MOST, "senast vid utgången av 2022")],
        ),
        (
            "Regionstyrelsen fastslog i juni 2021 att införa ett basutbud av vårdnära digitala tjänster från och med "
            "2022.",
            [Parameter("2022-01-01", Unit.DATE, AT_LEAST, "från och med 2022")],
        ),
        (
            "Formuleringen medför att uppdragsbeskrivningen ska utföras i sin helhet från och med 1 mars 2025.",
            [Parameter("2025-03-01", Unit.DATE, AT_LEAST, "från och med 1 mars 2025")],
        ),
        (
            "Kravet gäller fr.o.m. 1 januari 2026.",
            [Parameter("2026-01-01", Unit.DATE, AT_LEAST, "fr.o.m. 1 januari 2026")],
        ),
        ("Anmälan ska ske före 1 juli.", [Parameter("--07-01", Unit.DATE, LESS, "före 1 juli")]),
        (
            "Planen gäller t.o.m. 2026-06-30.",
            [Parameter("2026-06-30", Unit.DATE, AT_MOST, "t.o.m. 2026-06-30")],
        ),
    ],
)
def test_deadlines(text, expected):
    assert find_parameters(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("minst 25 %", [Parameter(25, Unit.PERCENT, AT_LEAST, "minst 25 %")]),
        ("minst 25%", [Parameter(25, Unit.PERCENT, AT_LEAST, "minst 25%")]),
        ("25 procent", [Parameter(25, Unit.PERCENT, EQUAL, "25 procent")]),
        ("över 80 %", [Parameter(80, Unit.PERCENT, MORE, "över 80 %")]),
        ("under 80 %", [Parameter(80, Unit.PERCENT, LESS, "under 80 %")]),
        ("högst 10 %", [Parameter(10, Unit.PERCENT, AT_MOST, "högst 10 %")]),
        ("100 %", [Parameter(100, Unit.PERCENT, EQUAL, "100 %")]),
        (
            "Ersättningen för vårdpeng är uppräknad med 2,7 procent jämfört med 2021",
            [Parameter(2.7, Unit.PERCENT, EQUAL, "2,7 procent")],
        ),
        (
            "Hälsocentraler med en tillgänglighet lägre än 80 procent ska beskriva vilka åtgärder som vidtagits för "
            "att uppnå patientens rätt till kontakt med primärvården samma dag.",
            [
                Parameter(80, Unit.PERCENT, LESS, "lägre än 80 procent"),
                Parameter(0, Unit.DAY, AT_MOST, "samma dag"),
            ],
        ),
        (
            "Hälsocentraler med en lägre måluppfyllelse än 85 procent gällande efterkontroll på förförsta barn",
            [Parameter(85, Unit.PERCENT, LESS, "lägre måluppfyllelse än 85 procent")],
        ),
        (
            "Om Beställaren efter kommunikation med leverantör bedömer att aktiva åtgärder krävs, kan någon av "
            "följande tillämpas: Begäran om rättelse, Erinran, Varning, Vite (upp till 10 % av månatlig vårdpeng), "
            "Återkallande av godkännande.",
            [Parameter(10, Unit.PERCENT, AT_MOST, "upp till 10 %")],
        ),
    ],
)
def test_percentages(text, expected):
    assert find_parameters(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hälsocentralen ska ha minst en läkare med specialistkompetens i allmänmedicin (krav för "
            "ST-handledning regleras i Socialstyrelsens föreskrifter).",
            [Parameter(1, Unit.COUNT, AT_LEAST, "minst en läkare", "läkare")],
        ),
        (
            "Mottagningen ska ha minst två sjuksköterskor.",
            [Parameter(2, Unit.COUNT, AT_LEAST, "minst två sjuksköterskor", "sjuksköterskor")],
        ),
        (
            "Varje läkare får ha högst 2 000 listade per läkare.",
            [Parameter(2000, Unit.COUNT, AT_MOST, "högst 2 000 listade per läkare", "listade per läkare")],
        ),
        (
            "Den 1 juli 2022 infördes en omlistningsbegränsning i Hälso- och sjukvårdslagen (2017:30) 7 kap. 3 b § "
            "som innebär att invånare har rätt att byta utförare av vård högst två gånger under en period om ett år.",
            [
                Parameter(2, Unit.COUNT, AT_MOST, "högst två gånger", "gånger"),
                Parameter(1, Unit.YEAR, EQUAL, "ett år"),
            ],
        ),
    ],
)
def test_counts(text, expected):
    assert find_parameters(text) == expected


def test_money_is_no_parameter_but_the_hours_beside_it_are():
    text = (
        "Tilläggsersättning för utökade öppettider höjd från 30 000 kronor per månad till 70 000 kronor för "
        "utökad öppettid med minst fem timmar per månad."
    )
    assert find_parameters(text) == [duration(5, Unit.HOUR, AT_LEAST, "minst fem timmar")]


@pytest.mark.parametrize(
    "text",
    [
        # Years, section numbers, law references, 1177, the history of a date.
        "Sedan den 1 januari 2010 tillämpar Region Norrbotten ett valfrihetssystem inom primärvården enligt lagen "
        "om valfrihetssystem (LOV; 2008:962).",
        "Regionens ledningssystem för sjukskrivningsprocess ska tillämpas (se avsnitt 2.5.12), där "
        "Socialstyrelsens medicinska beslutsstöd utgör vägledning.",
        "I all hälso- och sjukvård måste det tydligt framgå vem som är juridisk vårdgivare enligt hälso- och "
        "sjukvårdslagen (2017:30).",
        "Tillämpa Socialstyrelsens föreskrifter om basal hygien (SOSFS 2015:10).",
        "Vårdgivaren ska vara ansluten till den nationella tjänsten 1177 och följa de riktlinjer som regionen "
        "beslutar.",
        "Systemet Mitt vaccin kommer att införas vid årsskiftet 2025/2026.",
        "Telefonen öppnar kl. 8:00 vardagar. Ring 0920-28 40 00.",
        # Money.
        "Regionstyrelsen har av regionfullmäktige beviljats en ekonomisk ram på 8 711,6 mnkr. Av dessa fördelas "
        "1 223 mnkr för vårdval primärvård.",
        # Ages, ranges.
        "För barn under 18 år ingår även hjälpmedel som används i hemmet.",
        "Influensa- och pneumokockvaccinationer till personer ≥65 år.",
        "För läkemedelsgenomgång till personer 75 år eller äldre, med fem eller fler uthämtade läkemedel",
        "Listningsersättningen avseende rehabiliteringskoordinatoruppdraget höjs från 36 kronor till 40 kronor per "
        "listad per år för personer 16-68 år.",
        # Numbers without a bound word are mentions, frequencies are no durations.
        "Gränsen för utbetalning av bonus för Andel patienter listade på namngiven läkare/fast läkarkontakt sänks "
        "till 2 000 listade per läkare i linje med Region Stockholms förfrågningsunderlag.",
        "Region Norrbotten har antagit ett långsiktigt bemanningsmål inom primärvården med ett genomsnitt på cirka "
        "1 100 listade invånare per distriktsläkare.",
        "Verksamheten ska ha en hållbarhetspolicy med handlingsplan, inklusive mätbara och tidsatta mål som följs "
        "upp årligen.",
    ],
)
def test_no_parameters(text):
    assert find_parameters(text) == []
