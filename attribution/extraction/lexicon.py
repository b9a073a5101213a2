"""Word lists the rules lean on. Lemmas, lower case."""

# Verbs that introduce speech or writing. Beliefs (think, believe) are deliberately absent: an editor
# checks what someone said, not what a reporter says they think.
REPORTING_VERBS = frozenset(
    [
        "say",
        # Verbs that report what is said of something: "rejected suggestions that", "hinted that", "assured
        # MPs that", "dubbed the plans an \"abuse of power\"", "labelled it \"a disgrace\"".
        "reject",
        "hint",
        "assure",
        "dub",
        "label",
        "signal",
        "tell",
        "add",
        "claim",
        "insist",
        "warn",
        "admit",
        "deny",
        "confirm",
        "explain",
        "argue",
        "state",
        "note",
        "announce",
        "acknowledge",
        "report",
        "write",
        "reply",
        "respond",
        "answer",
        "ask",
        "complain",
        "suggest",
        "declare",
        "assert",
        "maintain",
        "reveal",
        "stress",
        "emphasise",
        "emphasize",
        "agree",
        "predict",
        "recall",
        "remark",
        "comment",
        "concede",
        "urge",
        "vow",
        "promise",
        "pledge",
        "describe",
        "call",
        "brand",
        "dismiss",
        "mention",
        "point",
        "observe",
        "testify",
        "tweet",
        "post",
        "quip",
        "joke",
        "boast",
        "continue",
        "conclude",
        "accuse",
        "blame",
        "allege",
        "contend",
        "counter",
        "estimate",
        "indicate",
        "caution",
        "question",
        "wonder",
        "scoff",
        "retort",
        "repeat",
        "reiterate",
        "affirm",
        "disclose",
        "divulge",
        "elaborate",
        "inform",
        "recount",
        "speculate",
        "told",
    ]
)

# Verbs whose object is the person spoken to, so the object is never the outlet unless it is a medium.
TELL_VERBS = frozenset({"tell", "inform"})

PERSON_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
GROUP_PRONOUNS = {"they", "them", "we"}

# Names that are outlets even when NER misses them; matched case-insensitively on whole words.
KNOWN_OUTLETS = frozenset(
    [
        "reuters",
        "afp",
        "ap",
        "itar-tass",
        "tass",
        "interfax",
        "ria",
        "novosti",
        "xinhua",
        "bbc",
        "rt",
        "cnn",
        "nbc",
        "abc",
        "cbs",
        "fox",
        "sky",
    ]
)
OUTLET_HINTS = frozenset(
    [
        "news",
        "times",
        "post",
        "journal",
        "telegraph",
        "guardian",
        "herald",
        "tribune",
        "gazette",
        "radio",
        "tv",
        "television",
        "agency",
        "press",
        "magazine",
        "newspaper",
        "daily",
        "weekly",
        "channel",
        "broadcaster",
        "online",
        "today",
        "observer",
        "chronicle",
        "mail",
        "independent",
        "express",
        "mirror",
        "sun",
        "standard",
        "economist",
        "bloomberg",
        "associated",
    ]
)

# Head nouns that describe an organisation, not a person: "troubled oil giant Yukos" is a company even when
# the model tags the name as a person.
ORGANISATION_NOUNS = frozenset(
    [
        "company",
        "firm",
        "giant",
        "group",
        "bank",
        "maker",
        "manufacturer",
        "operator",
        "airline",
        "carrier",
        "retailer",
        "chain",
        "agency",
        "ministry",
        "department",
        "council",
        "union",
        "party",
        "government",
        "authority",
        "regulator",
        "watchdog",
        "body",
        "association",
        "organisation",
        "organization",
        "club",
        "team",
        "league",
        "federation",
        "board",
        "committee",
        "court",
        "institute",
        "university",
        "school",
        "hospital",
        "charity",
        "trust",
        "fund",
        "network",
        "broadcaster",
        "newspaper",
        "channel",
        "station",
        "website",
        "service",
        "corporation",
        "conglomerate",
        "business",
        "producer",
        "supplier",
        "insurer",
        "lender",
        "monopoly",
        "utility",
        "developer",
        "publisher",
        "label",
        "studio",
        "brand",
    ]
)

# Things that "say" in a story without being anyone: "the report found", "a letter sent to him said".
# Shares and amounts that stand for the people they count ("a third of shoppers said", "many said").
QUANTITIES = frozenset(
    {
        "half",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "fifth",
        "majority",
        "minority",
        "many",
        "most",
        "some",
        "few",
        "several",
        "all",
        "both",
        "none",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "percent",
    }
)

# Where a person is from, which is no role of theirs.
ORIGIN_NOUNS = frozenset({"native", "resident", "citizen", "inhabitant", "local"})

# Who speaks for others, and whom a story often leaves unnamed: never someone it named with another role.
UNNAMED_SOURCE_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "source", "aide", "insider", "representative"}
)

DOCUMENT_NOUNS = frozenset(
    [
        "report",
        "letter",
        "statement",
        "study",
        "survey",
        "document",
        "memo",
        "filing",
        "poll",
        "review",
        "paper",
        "analysis",
        "ruling",
        "judgment",
        "judgement",
        "research",
        "figure",
        "data",
        "email",
        "e-mail",
        "note",
        "notice",
        "leaflet",
        "website",
        "advert",
        "advertisement",
        "guidance",
        "appeal",
    ]
)

# Common nouns a story uses for an outlet it has already named: "he told the newspaper".
MEDIA_NOUNS = frozenset(
    [
        "newspaper",
        "paper",
        "programme",
        "program",
        "agency",
        "broadcaster",
        "station",
        "channel",
        "magazine",
        "website",
        "site",
        "show",
        "daily",
    ]
)


# Most English words for a person end so (leader, director, analyst, politician, chairman, actress); the
# rest that news uses for its sources are few.
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "ess", "eer")
_PERSON_WORDS = frozenset(
    {
        "secretary",
        "chief",
        "boss",
        "champion",
        "legend",
        "star",
        "head",
        "captain",
        "coach",
        "veteran",
        "ace",
        "judge",
        "bishop",
        "expert",
        "official",
        "aide",
        "guru",
        "hero",
        "heroine",
        "executive",
        "president",
        # Posts newsrooms abbreviate: "the PM insisted", "the CEO said".
        "pm",
        "ceo",
        "mp",
        "mep",
    }
)
_NO_PERSON = frozenset(
    {
        "number",
        "power",
        "order",
        "matter",
        "water",
        "border",
        "quarter",
        "winter",
        "offer",
        "error",
        "factor",
        "sector",
        "center",
        "centre",
        "paper",
        "letter",
        "answer",
        "character",
        "chapter",
    }
)


def is_person_word(word: str) -> bool:
    """Whether a common noun (its lemma, in lower case) stands for a person: "analyst", "chief", not "winter"."""
    if word in ORGANISATION_NOUNS or word in DOCUMENT_NOUNS or word in _NO_PERSON:
        return False
    return word in _PERSON_WORDS or word.endswith(_PERSON_ENDINGS)
