"""assign_topics on krav sentences from the seeds (quoted as extracted), and the taxonomy's API."""

from __future__ import annotations

import pytest

from kravcheck.topics import assign_topics, topic_ids, topic_label

REQUIRED = [
    "digital_basutbud", "tillganglighet", "fast_lakarkontakt", "fast_vardkontakt", "hygien", "smittskydd",
    "patientsakerhet", "samverkan", "kompetens_bemanning", "informationssakerhet", "jamlikhet", "hallbarhet",
    "beredskap",
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Samtliga hälsocentraler i Region Norrbotten ska ansluta sig till och visa basutbudet under rubriken "
            "Våra e-tjänster på 1177 Vårdguiden.",
            ["digital_basutbud"],
        ),
        (
            "Samtliga leverantörer i Vårdval primärvård ska, senast vid utgången av 2022, kunna erbjuda Norrbottens "
            "medborgare digitala kontakter via chatt och video.",
            ["digital_basutbud"],
        ),
        (
            "Telefontillgängligheten ska vara god, de som ringer in till hälsocentralen ska få kontakt med vården "
            "inom fyra timmar efter att inringning skett.",
            ["tillganglighet"],
        ),
        (
            "Leverantören ska erbjuda sjukvårdsrådgivning: Dagtid via hälsocentralens Tele Q Övrig tid via 1177 "
            "Vårdguiden",
            ["digital_basutbud", "tillganglighet"],
        ),
        (
            "Patienten ska ha möjlighet att välja en fast läkarkontakt på den hälsocentral där hen är listad.",
            ["fast_lakarkontakt", "listning"],
        ),
        ("Den fasta läkarkontakten ska:", ["fast_lakarkontakt"]),
        ("Fasta vårdkontakter ska registreras i journalsystem enligt gällande rutin.",
         ["fast_vardkontakt", "informationssakerhet"]),
        (
            "Leverantören ska följa Socialstyrelsens föreskrifter för basal hygien i vård och omsorg (SOSFS "
            "2015:10), Region Norrbottens vårdhygieniska riktlinjer samt rutiner för MRB-screening.",
            ["hygien"],
        ),
        (
            "Leverantören ansvarar för att registrera, följa upp och analysera vårdrelaterade infektioner samt "
            "följsamheten till basala hygienrutiner och klädregler, och ska vidta åtgärder vid eventuella avvikelser.",
            ["hygien", "patientsakerhet"],
        ),
        (
            "Vid utbrott av smittsamma sjukdomar inom sitt geografiska område ska leverantören samarbeta med "
            "smittskyddsenheten.",
            ["smittskydd"],
        ),
        (
            "Följa rutiner för lex Maria, inklusive att delge kopia på anmälan och genomföra händelseanalys enligt "
            "regionens riktlinjer.",
            ["patientsakerhet"],
        ),
        (
            "När en patient behöver insatser från både hälso- och sjukvård och socialtjänst, eller när flera "
            "aktörer ska samverka, ska en samordnad individuell plan (SIP) upprättas.",
            ["samverkan"],
        ),
        (
            "Leverantören ska aktivt bidra till långsiktig personalförsörjning och vid förfrågan lämna uppgifter om "
            "bemanning och kompetens.",
            ["kompetens_bemanning"],
        ),
        (
            "Vårdgivaren ska fortlöpande bedöma risker för händelser som kan leda till att kraven i HSLF-FS 2016:40 "
            "inte uppfylls.",
            ["informationssakerhet"],
        ),
        (
            "Leverantören ansvarar för att tillhandahålla tolk till patienter som inte förstår eller kan uttrycka "
            "sig på svenska.",
            ["jamlikhet"],
        ),
        (
            "Verksamheten ska aktivt arbeta för att minska sin miljö- och klimatpåverkan, fasa ut hälso- och "
            "miljöfarliga ämnen samt prioritera resurseffektivitet och förnybara material och energikällor.",
            ["hallbarhet"],
        ),
        (
            "Leverantören ska följa direktiv från regionens särskilda sjukvårdsledning och ställa personal, lokaler "
            "och utrustning till förfogande vid särskilda eller extraordinära händelser samt vid höjd beredskap.",
            ["beredskap"],
        ),
        (
            "Genomföra risk- och sårbarhetsanalys (RSA) enligt metod och intervall som Region Norrbotten beslutar.",
            ["beredskap"],
        ),
        # Nothing clinical about invoicing or rent.
        ("All kommunikation, rapportering och fakturering ska gå via huvudleverantören.", ["ersattning_ekonomi"]),
        (
            "Vid patientbyte (byte av listad hälsocentral) tar ny leverantör över eventuella hyreskostnader.",
            ["listning", "ersattning_ekonomi"],
        ),
        # Generic words are no evidence; short keywords match whole words only ("sip" is not in "principen").
        ("Invånarna ska alltid veta vilken vårdgivare som är ansvarig för deras vård.", []),
        ("Omhändertagande av avlidna ska ske enligt Region Norrbottens rutin och anvisning.", []),
        ("Följer principen att kostnadsansvaret följer förskrivningsansvaret.", ["ersattning_ekonomi"]),
        ("Begreppet hälsocentral ska tolkas funktionellt, inte geografiskt.", []),
    ],
)
def test_assign_topics(text, expected):
    assert assign_topics(text) == expected


def test_section_title_is_evidence():
    text = (
        "Det innebär att lokaler, utrustning, organisation och planering ska utformas för att minimera risken för "
        "infektioner och smittspridning."
    )
    assert assign_topics(text) == []
    assert assign_topics(text, "Vårdhygien") == ["hygien"]


def test_topics_come_in_taxonomy_order():
    text = "Leverantören ansvarar för att all personal har tillräcklig kompetens inom patientsäkerhet och Vårdhygien."
    topics = assign_topics(text)
    assert topics == ["hygien", "patientsakerhet", "kompetens_bemanning"]
    assert topics == sorted(topics, key=topic_ids().index)


def test_taxonomy_has_the_required_topics_once():
    ids = topic_ids()
    assert set(REQUIRED) <= set(ids)
    assert len(ids) == len(set(ids))


def test_topic_label():
    assert topic_label("hygien") == "Vårdhygien"
    assert topic_label("fast_lakarkontakt") == "Fast läkarkontakt"
    assert all(topic_label(topic_id) for topic_id in topic_ids())
    with pytest.raises(KeyError):
        topic_label("vard")
