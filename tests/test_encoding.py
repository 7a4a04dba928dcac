"""Bytes → text: the decoding ladder, binary detection, normalisation, line streaming."""
from __future__ import annotations

import codecs
import io

import pytest

from analysis.encoding import binary_reason, decode_bytes, iter_text_lines, normalize_text
from analysis.errors import InputRejected

SAMPLE = "Perché “sì”: l’Italia spende 5 € — già."


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252"])
def test_round_trip_through_each_supported_encoding(codec):
    assert decode_bytes(SAMPLE.encode(codec)).text == SAMPLE


def test_short_cp1252_text_is_not_misread_by_a_detector():
    # A detector may call these few bytes Turkish or Mac-Roman; the ladder reads CP1252.
    assert decode_bytes("è “sì”".encode("cp1252")).text == "è “sì”"


def test_utf8_is_preferred_even_when_cp1252_could_decode_it():
    data = "città".encode("utf-8")  # b"citt\xc3\xa0" is also valid CP1252 ("cittÃ\xa0")
    assert decode_bytes(data).encoding == "utf-8"
    assert decode_bytes(data).text == "città"


def test_declared_encoding_is_used_when_utf8_fails():
    data = "Αθήνα".encode("iso-8859-7")
    assert decode_bytes(data, declared="iso-8859-7").text == "Αθήνα"


def test_invalid_utf16_after_a_bom_is_replaced_and_reported():
    decoded = decode_bytes(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    assert decoded.text.startswith("ok") and "\ufffd" in decoded.text
    assert any("not valid utf-16" in w for w in decoded.warnings)


@pytest.mark.parametrize(
    "data",
    [b"\x1f\x8b\x08\x00binary", b"PK\x03\x04\x14\x00", b"\x7fELF\x02\x01", bytes(200)],
    ids=["gzip", "zip", "elf", "all-nul"],
)
def test_binary_data_is_recognised(data):
    assert binary_reason(data) is not None
    with pytest.raises(InputRejected, match="binary file"):
        decode_bytes(data)


@pytest.mark.parametrize("data", [SAMPLE.encode("utf-16-le"), SAMPLE.encode("utf-16-be"), b"Una riga\x00 sola."])
def test_utf16_without_bom_and_a_stray_nul_are_not_binary(data):
    assert binary_reason(data) is None


def test_normalize_text_reports_what_it_changes():
    text, warnings = normalize_text("a\r\nb\rc\x00d\x07e\u0301")
    assert text == "a\nb\ncdé"
    assert warnings == ["removed 1 NUL byte(s) and 1 control character(s)", "Unicode normalised to NFC (composed accents)"]
    assert normalize_text("riga\n\tcon tab\f") == ("riga\n\tcon tab\f", [])


def test_iter_text_lines_decodes_each_line_on_its_own():
    data = codecs.BOM_UTF8 + "uno è\r\n".encode("utf-8") + "due “è”\n".encode("cp1252") + b"tre"
    lines = list(iter_text_lines(io.BytesIO(data)))
    assert [line.text for line in lines] == ["uno è\n", "due “è”\n", "tre"]
    assert [line.encoding for line in lines] == ["utf-8", "cp1252", "utf-8"]


def test_iter_text_lines_skips_an_overlong_line_without_reading_it_whole():
    data = b"corta\n" + b"x" * 5000 + b"\ncorta di nuovo\n"
    out = list(iter_text_lines(io.BytesIO(data), max_line_bytes=100))
    assert [line.text for line in out] == ["corta\n", None, "corta di nuovo\n"]
    assert "longer than 100 bytes" in out[1].warnings[0]


def test_iter_text_lines_streams_utf16():
    data = "uno\r\ndue è\n".encode("utf-16")
    assert [(line.text, line.encoding) for line in iter_text_lines(io.BytesIO(data))] == [("uno\n", "utf-16"), ("due è\n", "utf-16")]


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Правительство объявило во вторник новые меры поддержки для семей.", "cp1251"),
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για τις οικογένειες.", "cp1253"),
    ],
)
def test_a_long_enough_non_latin_code_page_is_recognised_with_a_warning(text, codec):
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text and decoded.encoding == codec
    assert "charset-normalizer" in decoded.warnings[0]


@pytest.mark.parametrize("text", ["àèìòù éé", "Perché la città è già lì, però più giù, così è. " * 5, "Città \x81 bella"])
def test_italian_in_a_western_code_page_is_never_handed_to_the_detector(text):
    decoded = decode_bytes(text.encode("latin-1"))
    assert decoded.text == text and decoded.warnings == []


@pytest.mark.parametrize("text", ["MZ Motori annuncia 200 assunzioni.", "ID3 è il nome del formato.", "RIFF e OggS: due sigle."])
def test_an_article_starting_like_a_binary_signature_is_text(text):
    assert binary_reason(text.encode("utf-8")) is None
    assert binary_reason(text.encode("cp1252")) is None


def test_a_pdf_signature_followed_by_binary_bytes_is_binary():
    assert "PDF" in binary_reason(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>")
