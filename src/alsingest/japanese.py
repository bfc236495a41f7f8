"""Japanese sources read through their Chinese: the words a verdict turns on, at the same length.

A Japanese page about an ALS drug ("…エダラボンの…承認を取得しました", "第3相試験", "7月25日") shares
its dates, counts and most of its characters with Chinese. :func:`as_chinese` rewrites the few
words the verifier reads (approval, launch, trial, phase, primary endpoint, a result not reached)
and the Japanese forms of common characters into their simplified Chinese forms, one character
for one, so that offsets into the stored page stay those of the original. Names written in
katakana are the lexicon's aliases ("エダラボン" is edaravone).
"""

from __future__ import annotations

import re

# Kana share of a page's letters above which it is Japanese.
KANA_SHARE = 0.05

# Whole words first, each of the same length as what replaces it (padded with spaces where the
# Chinese is shorter): a result not reached, then the events and trial words.
_TERMS = tuple(
    (japanese, chinese.ljust(len(japanese)))
    for japanese, chinese in (
        ("統計学的有意差はなかった", "没有统计学显著差异"),
        ("有意差は認められなかった", "没有显著差异"),
        ("有意差はなかった", "没有显著差异"),
        ("達成できなかった", "没有达到"),
        ("達成しなかった", "没有达到"),
        ("主要評価項目", "主要疗效指标"),
        ("承認申請", "上市申请"),
        ("承認", "批准"),
        ("発売", "上市"),
        ("治験", "试验"),
        ("試験", "试验"),
        ("米国", "美国"),
    )
)
# "第3相", "第II相", "第Ⅲ相": a phase.
_PHASE = re.compile(r"第\s*([0-9０-９IⅠⅡⅢⅣ]{1,3})\s*相")
# Japanese forms of characters whose simplified Chinese form differs from the traditional one
# OpenCC knows.
_CHARACTERS = str.maketrans(
    {
        "薬": "药",
        "験": "验",
        "発": "发",
        "売": "卖",
        "価": "价",
        "剤": "剂",
        "経": "经",
        "証": "证",
        "関": "关",
        "歳": "岁",
        "転": "转",
        "検": "检",
        "効": "效",
        "対": "对",
        "応": "应",
        "続": "续",
        "総": "总",
        "処": "处",
        "実": "实",
        "単": "单",
    }
)


def is_japanese(text: str, sample: int = 20000) -> bool:
    letters = [ch for ch in text[:sample] if ch.isalpha()]
    kana = sum(1 for ch in letters if "\u3040" <= ch <= "\u30ff")
    return bool(letters) and kana > KANA_SHARE * len(letters)


def as_chinese(text: str) -> str:
    """``text`` with the verifier's words in Chinese, of the same length."""
    for japanese, chinese in _TERMS:
        text = text.replace(japanese, chinese)
    text = _PHASE.sub(lambda m: m.group().replace("相", "期"), text)
    return text.translate(_CHARACTERS)
