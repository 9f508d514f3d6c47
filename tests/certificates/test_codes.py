import math

from certificates.codes import ALPHABET, LENGTH, format_code, is_well_formed, new_code, normalise_code


def test_alphabet_is_typable_and_code_has_at_least_80_bits():
    assert not set("0O1IL") & set(ALPHABET)
    assert len(set(ALPHABET)) == len(ALPHABET) == 31
    assert LENGTH * math.log2(len(ALPHABET)) >= 80


def test_new_codes_are_well_formed_grouped_and_distinct():
    codes = {new_code() for _ in range(5000)}
    assert len(codes) == 5000
    for code in list(codes)[:50]:
        assert is_well_formed(code)
        shown = format_code(code)
        assert len(shown) == 24 and shown.count("-") == 4
        assert all(len(group) == 4 for group in shown.split("-"))


def test_normalise_accepts_any_case_spaces_and_dashes():
    code = new_code()
    shown = format_code(code)
    assert normalise_code(shown.lower()) == code
    assert normalise_code(f"  {shown.replace('-', ' ')} ") == code
    assert normalise_code(shown.replace("-", "–")) == code
    assert not is_well_formed(normalise_code("0000-1111-OOOO-IIII-LLLL"))
    assert not is_well_formed(code[:-1])
