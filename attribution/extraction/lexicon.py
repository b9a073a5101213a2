"""Word lists the rules lean on. Lemmas, lower case."""

# Verbs that introduce speech or writing. Beliefs (think, believe) are deliberately absent: an editor
# checks what someone said, not what a reporter says they think.
REPORTING_VERBS = frozenset(
    """
    say tell add claim insist warn admit deny confirm explain argue state note announce acknowledge
    report write reply respond answer ask complain suggest declare assert maintain reveal stress emphasise
    emphasize agree predict recall remark comment concede urge vow promise pledge describe call brand
    dismiss mention point observe testify tweet post quip joke boast add continue conclude accuse blame
    allege contend counter estimate indicate caution question wonder scoff retort repeat reiterate
    affirm disclose divulge elaborate inform recount speculate told
    """.split()
)

# Verbs whose object is the person spoken to, so the object is never the outlet unless it is a medium.
TELL_VERBS = frozenset({"tell", "inform"})

PERSON_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
GROUP_PRONOUNS = {"they", "them", "we"}

# Names that are outlets even when NER misses them; matched case-insensitively on whole words.
KNOWN_OUTLETS = frozenset(
    """
    reuters afp ap itar-tass tass interfax ria novosti xinhua bbc rt cnn nbc abc cbs fox sky
    """.split()
)
OUTLET_HINTS = frozenset(
    """
    news times post journal telegraph guardian herald tribune gazette radio tv television agency
    press magazine newspaper daily weekly channel broadcaster online today observer chronicle mail
    independent express mirror sun standard economist bloomberg associated
    """.split()
)

# Head nouns that describe an organisation, not a person: "troubled oil giant Yukos" is a company even when
# the model tags the name as a person.
ORGANISATION_NOUNS = frozenset(
    """
    company firm giant group bank maker manufacturer operator airline carrier retailer chain agency ministry
    department council union party government authority regulator watchdog body association organisation
    organization club team league federation board committee court institute university school hospital
    charity trust fund network broadcaster newspaper channel station website service corporation conglomerate
    business producer supplier insurer lender monopoly utility developer publisher label studio brand
    """.split()
)

# Common nouns a story uses for an outlet it has already named: "he told the newspaper".
MEDIA_NOUNS = frozenset(
    "newspaper paper programme program agency broadcaster station channel magazine website site show daily".split()
)
