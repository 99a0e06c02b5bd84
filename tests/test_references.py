"""find_references on sentences from the seeds (quoted as extracted)."""

from __future__ import annotations

import pytest

from kravcheck.references import find_references


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tillämpa Socialstyrelsens föreskrifter om basal hygien (SOSFS 2015:10).",
            ["SOSFS 2015:10"],
        ),
        (
            "Leverantören ska arbeta systematiskt och förebyggande med att identifiera, hantera och följa upp risker "
            "och vårdskador i enlighet med: Patientsäkerhetslagen (2010:659) Socialstyrelsens föreskrifter (SOSFS "
            "2011:9 \t och HSLF-FS 2017:40)",
            ["SFS 2010:659", "SOSFS 2011:9", "HSLF-FS 2017:40"],
        ),
        (
            "Leverantören ska bistå Region Norrbottens patientnämnd och andra berörda patientnämnder vid hantering av "
            "enskilda ärenden i enlighet med lagen (2017:372) om stöd vid klagomål mot hälso- och sjukvården.",
            ["SFS 2017:372"],
        ),
        (
            "Att säkerställa att patientens rättigheter respekteras och tillgodoses i vården, i enlighet med "
            "patientlagen (2014:821).",
            ["SFS 2014:821"],
        ),
        (
            "Vårdval i primärvård infördes i Norrbotten 2010 i enlighet med lagen om valfrihetssystem (LOV; "
            "2008:962).",
            ["SFS 2008:962"],
        ),
        (
            "Leverantören ska uppfylla och vara införstådd med de krav som ställs i dataskyddsförordningen (EU "
            "2016/679) samt annan tillämplig dataskyddslagstiftning.",
            ["EU 2016/679"],
        ),
        ("Personuppgifter behandlas enligt förordning (EU) 2016/679.", ["EU 2016/679"]),
        (
            "Leverantören ska utan dröjsmål rapportera anmälningspliktiga sjukdomar via SmiNet och följa "
            "smittskyddslagen (SFS 2004:168), smittskyddsförordningen (SFS 2004:255) samt Region Norrbottens "
            "riktlinjer för smittskydd.",
            ["SFS 2004:168", "SFS 2004:255"],
        ),
        (
            "Leverantören ska följa patientdatalagen samt Socialstyrelsens föreskrifter och allmänna råd (HSLF-FS "
            "2016:40) om journalföring. Vårdgivaren ska fortlöpande bedöma risker för händelser som kan leda till "
            "att kraven i HSLF-FS 2016:40 inte uppfylls.",
            ["HSLF-FS 2016:40"],
        ),
        (
            "Den 1 juli 2022 infördes en omlistningsbegränsning i Hälso- och sjukvårdslagen (2017:30) 7 kap. 3 b §. "
            "Avsteg från Hälso- och sjukvårdslagens (2017:30) 7 kap. 3 b § medges dock vid särskilda skäl.",
            ["SFS 2017:30"],
        ),
        (
            "Enligt lag (2019:1297) om koordineringsinsatser för sjukskrivna patienter ska hälsocentralen erbjuda "
            "koordineringsinsatser.",
            ["SFS 2019:1297"],
        ),
    ],
)
def test_references(text, expected):
    assert find_references(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Telefonen är öppen kl. 8:00–17:00.",
        "Systemet Mitt vaccin kommer att införas vid årsskiftet 2025/2026.",
        "Verksamhetschefen och medicinskt ledningsansvarig läkare ska uppfylla enligt 2.6.4.",
        "Leverantören ska även verka i enlighet med slutrapport Kommunaliserad hälso- och sjukvård i hemmen (2013).",
        "Mottagningen (kallad Samtalsmottagningen, se beslut i direktionen 2023-12-07 §137) ska utföra uppdraget.",
        "Vårdgivaren ska vara ansluten till den nationella tjänsten 1177.",
    ],
)
def test_no_references(text):
    assert find_references(text) == []
