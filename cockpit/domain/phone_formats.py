"""How the cockpit writes the foreign numbers it meets (Belgium, Switzerland, Canada), in
international form, without loading phonenumbers (~20 ms, paid by a `cockpit next` that shows
one such number). Copied from phonenumbers' own metadata: tests/unit/test_phone_formats.py
rebuilds this table from it and compares the text with phonenumbers' for many numbers."""

from __future__ import annotations

from functools import cache

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    import re

# Calling code: (the region whose plan says which numbers are valid, the pattern of those
# numbers, the formats in phonenumbers' order as (leading digits, pattern, replacement)).
FOREIGN_PLANS: dict[str, tuple[str, str, tuple[tuple[str, str, str], ...]]] = {
    "32": ("BE",
           ('(?=(?:\\d{8}|\\d{9})$)(?=(?:4\\d{8}|[1-9]\\d{7})$)(?:(?=(?:\\d{8})$)(?:80[2-8]\\d{5}|('
            '?:1[0-69]|[23][2-8]|4[23]|5\\d|6[013-57-9]|71|8[1-79]|9[2-4])\\d{6})|(?=(?:\\d{9})$'
            ')(?:4[5-9]\\d{7})|(?=(?:\\d{8})$)(?:800[1-9]\\d{4})|(?=(?:\\d{8})$)(?:(?:70(?:2[0-57'
            ']|3[04-7]|44|6[04-69]|7[0579])|90\\d\\d)\\d{4})|(?=(?:\\d{8})$)(?:7879\\d{4})|(?=(?:\\'
            'd{8})$)(?:78(?:0[578]|1[014-8]|2[25]|3[15-8]|48|5[05]|60|7[06-8]|9\\d)\\d{4}))'),
           (
               ('(?:80|9)0', '(\\d{3})(\\d{2})(\\d{3})', '\\1 \\2 \\3'),
               ('[239]|4[23]', '(\\d)(\\d{3})(\\d{2})(\\d{2})', '\\1 \\2 \\3 \\4'),
               ('[15-8]', '(\\d{2})(\\d{2})(\\d{2})(\\d{2})', '\\1 \\2 \\3 \\4'),
               ('4', '(\\d{3})(\\d{2})(\\d{2})(\\d{2})', '\\1 \\2 \\3 \\4'),
           )),
    "41": ("CH",
           ('(?=(?:\\d{9}|\\d{12})$)(?=(?:8\\d{11}|[2-9]\\d{8})$)(?:(?=(?:\\d{9})$)(?:(?:2[12467]|'
            '3[1-4]|4[134]|5[256]|6[12]|[7-9]1)\\d{7})|(?=(?:\\d{9})$)(?:(?:6[89]|7[235-9])\\d{7'
            '})|(?=(?:\\d{9})$)(?:800\\d{6})|(?=(?:\\d{9})$)(?:90[016]\\d{6})|(?=(?:\\d{9})$)(?:84'
            '[0248]\\d{6})|(?=(?:\\d{9})$)(?:878\\d{6})|(?=(?:\\d{9})$)(?:74[0248]\\d{6})|(?=(?:\\d'
            '{9})$)(?:5[18]\\d{7})|(?=(?:\\d{12})$)(?:860\\d{9}))'),
           (
               ('8[047]|90', '(\\d{3})(\\d{3})(\\d{3})', '\\1 \\2 \\3'),
               ('[2-79]|81', '(\\d{2})(\\d{3})(\\d{2})(\\d{2})', '\\1 \\2 \\3 \\4'),
               ('8', '(\\d{3})(\\d{2})(\\d{3})(\\d{2})(\\d{2})', '\\1 \\2 \\3 \\4 \\5'),
           )),
    "1": ("CA",
           ('(?=(?:\\d{7}|\\d{10})$)(?=(?:[2-9]\\d{9}|3\\d{6})$)(?:(?=(?:\\d{10})$)(?:(?:2(?:04|[2'
            '3]6|[48]9|5[07]|[67]3)|3(?:06|43|54|6[578]|82)|4(?:03|1[68]|[26]8|3[178]|50|74)|'
            '5(?:06|1[49]|48|79|8[147])|6(?:04|[18]3|39|47|72)|7(?:0[59]|42|53|78|8[02])|8(?:'
            '[06]7|19|25|7[39])|9(?:0[25]|42))[2-9]\\d{6})|(?=(?:\\d{10})$)(?:(?:2(?:04|[23]6|['
            '48]9|5[07]|[67]3)|3(?:06|43|54|6[578]|82)|4(?:03|1[68]|[26]8|3[178]|50|74)|5(?:0'
            '6|1[49]|48|79|8[147])|6(?:04|[18]3|39|47|72)|7(?:0[59]|42|53|78|8[02])|8(?:[06]7'
            '|19|25|7[39])|9(?:0[25]|42))[2-9]\\d{6})|(?=(?:\\d{10})$)(?:8(?:00|33|44|55|66|77|'
            '88)[2-9]\\d{6})|(?=(?:\\d{10})$)(?:900[2-9]\\d{6})|(?=(?:\\d{10})$)(?:52(?:3(?:[2-46'
            '-9][02-9]\\d|5(?:[02-46-9]\\d|5[0-46-9]))|4(?:[2-478][02-9]\\d|5(?:[034]\\d|2[024-9]'
            '|5[0-46-9])|6(?:0[1-9]|[2-9]\\d)|9(?:[05-9]\\d|2[0-5]|49)))\\d{4}|52[34][2-9]1[02-9'
            ']\\d{4}|(?:5(?:2[125-9]|3[23]|44|66|77|88)|6(?:22|33))[2-9]\\d{6})|(?=(?:\\d{10})$)'
            '(?:600[2-9]\\d{6})|(?=(?:\\d{7})$)(?:310\\d{4}))'),
           (
               ('310', '(\\d{3})(\\d{4})', '\\1-\\2'),
               ('[2-9]', '(\\d{3})(\\d{3})(\\d{4})', '\\1-\\2-\\3'),
           )),
}


@cache
def _compiled(code: str) -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str], str], ...]]:
    import re  # here: a command that shows no such number does without it (~5 ms)

    _, valid, formats = FOREIGN_PLANS[code]
    return re.compile(valid), tuple((lead, re.compile(pattern), replacement)
                                    for lead, pattern, replacement in formats)


def foreign_international(e164: str) -> str | None:
    """A valid Belgian, Swiss or Canadian number as phonenumbers writes it in international
    form (+32 2 234 56 78, +1 514-555-1234); None for any other (phonenumbers decides)."""
    if not e164.startswith("+") or not e164[1:].isdigit():
        return None
    code = "1" if e164.startswith("+1") else e164[1:3]
    if code not in FOREIGN_PLANS:
        return None
    national = e164[1 + len(code):]
    valid, formats = _compiled(code)
    if valid.fullmatch(national) is None:
        return None
    for lead, pattern, replacement in formats:  # the first that fits, as phonenumbers picks
        if (not lead or _leads(lead, national)) and pattern.fullmatch(national):
            return f"+{code} {pattern.sub(replacement, national)}"
    return f"+{code} {national}"


@cache
def _lead_pattern(lead: str) -> re.Pattern[str]:
    import re

    return re.compile(lead)


def _leads(lead: str, national: str) -> bool:
    """Whether the number starts as a format's leading digits say (re.match)."""
    return _lead_pattern(lead).match(national) is not None
