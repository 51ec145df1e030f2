"""Word forms: does the kiosk's Traditional print each word as the Hong Kong sources print it?

The round trip (kiosk.fidelity) measures how well OpenCC reproduces the sources themselves.
This check looks the other way, at what visitors read: every text the kiosk shows in the
Traditional variant is cut into words (forward maximum matching against the vocabulary of the
Traditional source texts, up to four characters), and each word is compared with the forms the
sources print for the same word. A word the sources print in another form (錶示 where they
write 表示, 羣 where they write 群, 合作伙伴 where they write 合作夥伴) is a finding; a word the
sources never use is not judged. Words are matched through their Simplified form (hk2s), so
"the same word" means the same word, whatever characters it was rendered in. No Qt here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from kiosk.script import Converter

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
LONGEST_WORD = 4


def _aligned(text: str, to_simplified: Converter) -> str:
    """`text` in Simplified, character for character (OpenCC's hk2s keeps the length; where
    it would not, each character is converted alone so positions still line up)."""
    simplified = to_simplified.convert(text)
    if len(simplified) == len(text):
        return simplified
    return "".join(to_simplified.convert(ch) if len(to_simplified.convert(ch)) == 1 else ch for ch in text)


class SourceVocabulary:
    """Every word (1-4 Han characters) of the Traditional sources, keyed by its Simplified form,
    with the forms the sources print it in and how often."""

    def __init__(self, texts: Iterable[str], to_simplified: Converter, longest: int = LONGEST_WORD) -> None:
        self.to_simplified = to_simplified
        self.longest = longest
        self.forms: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            simplified = _aligned(text, to_simplified)
            for run in HAN_RUN.finditer(text):
                start, end = run.span()
                for i in range(start, end):
                    for n in range(1, min(longest, end - i) + 1):
                        self.forms[simplified[i : i + n]][text[i : i + n]] += 1

    def prints_both_ways(self, word: str, key: str) -> bool:
        """True when each character in which `word` differs from the sources' form of it is one
        the sources themselves also print for that character (they write both 啓 and 啟): a
        choice the press makes both ways is no slip; a form they never print (錶, 併, 羣) is."""
        attested = self.forms[key].most_common(1)[0][0]
        return all(mine == theirs or mine in self.forms[k] for mine, theirs, k in zip(word, attested, key, strict=True))

    def words(self, text: str) -> Iterator[tuple[int, str, str]]:
        """(position, word as written in `text`, its Simplified key) for each word of `text`
        the sources also use, longest first from left to right."""
        simplified = _aligned(text, self.to_simplified)
        for run in HAN_RUN.finditer(text):
            i, end = run.span()
            while i < end:
                for n in range(min(self.longest, end - i), 0, -1):
                    key = simplified[i : i + n]
                    if key in self.forms:
                        yield i, text[i : i + n], key
                        i += n
                        break
                else:
                    i += 1  # a character the sources never use: nothing to compare it with


@dataclass(frozen=True)
class Finding:
    """A word the kiosk prints in a form the sources do not: where it shows first, how often."""

    produced: str
    attested: tuple[str, ...]  # the sources' forms, most frequent first
    count: int
    where: str  # file:line:col of the first text that shows it
    example: str

    def to_dict(self) -> dict[str, Any]:
        return {"produced": self.produced, "attested": list(self.attested), "count": self.count,
                "where": self.where, "example": self.example}

    def __str__(self) -> str:
        return f"{self.where}: {self.produced} (sources: {' / '.join(self.attested)}) x{self.count}  …{self.example}…"


@dataclass(frozen=True)
class WordFormReport:
    texts: int
    words: int  # words checked: those the sources also use
    findings: tuple[Finding, ...] = field(default=())
    both_ways: int = 0  # words in a form the sources print too, but not in this word (啓/啟)

    def to_dict(self) -> dict[str, Any]:
        return {"texts": self.texts, "words_checked": self.words, "printed_both_ways": self.both_ways,
                "findings": [f.to_dict() for f in self.findings]}


def check_word_forms(vocabulary: SourceVocabulary, rendered: Iterable[tuple[str, str]]) -> WordFormReport:
    """Check (where, text) pairs: each text as the kiosk shows it in the Traditional variant."""
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], tuple[str, str]] = {}
    texts = words = both_ways = 0
    for where, text in rendered:
        texts += 1
        for position, word, key in vocabulary.words(text):
            words += 1
            forms: Mapping[str, int] = vocabulary.forms[key]
            if word in forms:
                continue
            if vocabulary.prints_both_ways(word, key):
                both_ways += 1
            else:
                counts[(word, key)] += 1
                first.setdefault((word, key), (where, text[max(0, position - 6) : position + len(word) + 6]))
    findings = tuple(
        Finding(word, tuple(f for f, _ in vocabulary.forms[key].most_common()), n, *first[(word, key)])
        for (word, key), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
    return WordFormReport(texts, words, findings, both_ways)
