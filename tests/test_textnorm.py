import pytest

from kravcheck.textnorm import join_lines


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["vilken hälso-", "central de vill"], "vilken hälsocentral de vill"),
        (["inom hälso-", "och sjukvården"], "inom hälso- och sjukvården"),
        (["kunna av-", "och omboka tider"], "kunna av- och omboka tider"),
        (["via 1177 e-", "tjänster"], "via 1177 e-tjänster"),
        (["rutiner för MRB-", "screening"], "rutiner för MRB-screening"),
        (["Region Norrbotten ska bidra till en hållbar ut-\t", "veckling – socialt"], "Region Norrbotten ska bidra till en hållbar utveckling – socialt"),
        (["Nära vård i Norrbotten –", "länsgemensam"], "Nära vård i Norrbotten – länsgemensam"),
        (["  extra   mellanslag\t", "\tär borta "], "extra mellanslag är borta"),
    ],
)
def test_join_lines_repairs_hyphenation_and_keeps_real_hyphens(lines, joined):
    assert join_lines(lines) == joined
