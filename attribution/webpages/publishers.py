"""Common outlets and the forms their pages and feeds name them by (og:site_name, JSON-LD publisher, feed
fields) and their sites: the publisher registry's first entries, which editors then extend and merge.

Names that belong to two outlets ("ABC", "Sky", "The Times" as a US paper's short name) are left out: a wrong
merge hides an outlet, a missing one only waits for an editor to merge it."""

from typing import Any, Final

SEED: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("Reuters", ("Thomson Reuters", "Reuters.com", "reuters.com")),
    ("BBC News", ("BBC", "BBC Online", "BBC News Online", "bbc.co.uk", "bbc.com")),
    ("CNN", ("CNN International", "Cable News Network", "cnn.com")),
    ("The Associated Press", ("Associated Press", "AP", "AP News", "apnews.com", "ap.org")),
    ("DW", ("Deutsche Welle", "DW.COM", "DW News", "dw.com")),
    ("The Guardian", ("Guardian", "the Guardian", "Guardian News & Media", "theguardian.com", "guardian.co.uk")),
    ("The New York Times", ("New York Times", "NYTimes", "NYTimes.com", "NYT", "nytimes.com")),
    ("Los Angeles Times", ("LA Times", "L.A. Times", "latimes.com")),
    ("Sky News", ("SkyNews", "news.sky.com")),
    ("Al Jazeera", ("Al Jazeera English", "Al Jazeera Media Network", "aljazeera.com")),
    ("Phys.org", ("phys.org", "PhysOrg")),
    ("The Times of Israel", ("Times of Israel", "Timesofisrael", "TimesofIsrael", "timesofisrael.com")),
    ("The Hill", ("TheHill", "thehill.com")),
    ("Live Science", ("LiveScience", "livescience.com")),
    ("The Washington Post", ("Washington Post", "washingtonpost.com")),
    ("The Wall Street Journal", ("Wall Street Journal", "WSJ", "wsj.com")),
    ("Bloomberg", ("Bloomberg News", "Bloomberg.com", "bloomberg.com")),
    ("Agence France-Presse", ("AFP", "Agence France Presse", "afp.com")),
    ("The Independent", ("Independent", "independent.co.uk")),
    ("The Telegraph", ("Telegraph", "The Daily Telegraph", "telegraph.co.uk")),
    ("Financial Times", ("The Financial Times", "FT", "ft.com")),
    ("NPR", ("National Public Radio", "npr.org")),
    ("Fox News", ("Fox News Channel", "FOX News", "foxnews.com")),
    ("NBC News", ("nbcnews.com",)),
    ("CBS News", ("cbsnews.com",)),
    ("USA Today", ("USA TODAY", "usatoday.com")),
    ("Politico", ("POLITICO", "politico.com", "politico.eu")),
    ("Axios", ("axios.com",)),
    ("The Economist", ("Economist", "economist.com")),
    ("Daily Mail", ("Mail Online", "MailOnline", "dailymail.co.uk")),
    ("Euronews", ("euronews", "euronews.com")),
    ("France 24", ("FRANCE 24", "France24", "france24.com")),
    ("Xinhua", ("Xinhua News Agency", "xinhuanet.com", "news.cn")),
    ("Haaretz", ("haaretz.com",)),
    ("South China Morning Post", ("SCMP", "scmp.com")),
    ("The Atlantic", ("theatlantic.com",)),
    ("Newsweek", ("newsweek.com",)),
    ("CNBC", ("cnbc.com",)),
    ("HuffPost", ("Huffington Post", "The Huffington Post", "HuffPost UK", "huffpost.com")),
    ("Business Insider", ("businessinsider.com",)),
    ("The Conversation", ("theconversation.com",)),
    ("Nature", ("nature.com",)),
    ("ITV News", ("itv.com",)),
    ("The Irish Times", ("Irish Times", "irishtimes.com")),
    ("RTÉ", ("RTE", "RTÉ News", "rte.ie")),
    ("The Times of India", ("Times of India", "timesofindia.indiatimes.com", "indiatimes.com")),
    ("The Japan Times", ("Japan Times", "japantimes.co.jp")),
    ("The Irish Independent", ("Irish Independent", "Independent.ie", "independent.ie")),
    ("Deutsche Presse-Agentur", ("dpa", "dpa International")),
    ("PR Newswire", ("prnewswire.com",)),
    ("Business Wire", ("businesswire.com",)),
    ("The Boston Globe", ("Boston Globe", "BostonGlobe", "BostonGlobe.com", "bostonglobe.com")),
    ("CBC News", ("CBC", "CBC/Radio-Canada", "cbc.ca")),
    ("El País", ("EL PAÍS", "El Pais", "Ediciones EL PAÍS S.L.", "elpais.com", "english.elpais.com")),
    ("The Local", ("The Local Sweden", "The Local Europe", "thelocal.se", "thelocal.com")),
    ("Wired", ("WIRED", "wired.com")),
    ("Bellingcat", ("bellingcat", "bellingcat.com")),
    ("The Dallas Morning News", ("Dallas Morning News", "Dallas News", "dallasnews.com")),
    ("Mongabay", ("Mongabay Environmental News", "Mongabay News", "mongabay.com", "news.mongabay.com")),
    ("The Hindu", ("thehindu.com",)),
    ("Dawn", ("DAWN.COM", "dawn.com")),
    ("Rappler", ("rappler.com",)),
    ("Nikkei Asia", ("Nikkei Asian Review", "asia.nikkei.com")),
    ("The Texas Tribune", ("Texas Tribune", "texastribune.org")),
    ("CalMatters", ("calmatters.org",)),
    ("Inside Climate News", ("InsideClimate News", "insideclimatenews.org")),
    ("Stuff", ("Stuff.co.nz", "stuff.co.nz")),
    ("Mail & Guardian", ("The Mail & Guardian", "M&G", "Mail and Guardian", "mg.co.za")),
    ("news.com.au", ("NewsComAu", "news.com.au — Australia's leading news site")),
    ("Premium Times", ("Premium Times Nigeria", "PREMIUM TIMES", "premiumtimesng.com")),
    ("Yle News", ("Yle", "Yle Uutiset", "yle.fi")),
    ("The Denver Post", ("Denver Post", "denverpost.com")),
    ("The Seattle Times", ("Seattle Times", "seattletimes.com")),
    ("Star Tribune", ("StarTribune", "startribune.com")),
    ("The Indian Express", ("Indian Express", "indianexpress.com")),
    ("Toronto Star", ("The Toronto Star", "thestar.com")),
    ("Global News", ("globalnews.ca",)),
    # Its page's names are all site-like ("Scroll.in", "@scroll_in"), so without an entry the handle would win.
    ("Scroll.in", ("Scroll", "scroll_in", "scroll.in")),
)


def apply_seed(publishers: Any) -> None:
    """Bring a registry (the Publisher model, or a migration's historical one) up to SEED: entries it lacks are
    added and known ones take the forms they lack; nothing an editor merged or named is undone."""
    for name, aliases in SEED:
        named = publishers.objects.order_by("pk")
        entry = named.filter(name__iexact=name).first() or named.filter(aliases__contains=[name]).first()
        if entry is None:
            publishers.objects.create(name=name, aliases=list(aliases))
            continue
        known = {form.lower() for form in (entry.name, *entry.aliases)}
        missing = [form for form in (name, *aliases) if form.lower() not in known]
        if missing:
            entry.aliases = [*entry.aliases, *missing]
            entry.save(update_fields=["aliases"])
