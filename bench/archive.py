"""The desk at archive scale (issue 14): server time of every page and action over 100,000 articles, 1,100,000
quotes and 50,000 speakers.

The archive is synthetic and built once, in bulk, by set-based SQL (INSERT ... SELECT over generate_series, with
random() for variety) into its own "_bench_archive" database, in a couple of minutes; it is kept between runs
(found by its counts and the note the build leaves on the article table; --rebuild starts it again). Its shape is
a newsroom's: 300 publishers, some 500 import batches (the largest, a backfill, of 11,000 articles, with the
rows each skipped) and every twelfth article pasted by hand; titles of 40-165 characters, bodies up to 12 KB
(3 KB on average) built from sentence templates, so that every quote's offsets are computed in SQL and its text
is exactly body[start:end], with the article's who-is-who (each person and organisation its quotes name, with
every place); 3 to 40 quotes per article (11 on average; one article with exactly 40, all pending, for the
review page), 1 to 11 speakers per article drawn from the registry with a long tail (a few speakers in thousands
of quotes, one in exactly 5,000 for the speaker page), three quarters of the quotes pending, older articles more
often reviewed (confirmed, corrected or rejected by one of 12 editors, each review with its ReviewEvent), some
outlets, low confidences and failed extractions. Every constraint and trigger of the schema holds (the
database's own trigger checks each quote's offsets against its article's body as the quotes go in).

Then each request type is sent through the full Django stack in-process (django.test.Client: every middleware,
sessions, permissions, templates, PostgreSQL), with DEBUG off and the heap frozen as attribution/wsgi.py serves in
production, static files collected as `make serve` does and the tables vacuumed and analyzed as autovacuum would,
logged in as an Editor (an Admin for the import pages and the speaker page's merge form): warmed up, then --repeat
times (confirms on distinct pending quotes of other 40-quote articles). Prints, per request type, median and p95
server time, the response's size and its SQL queries (and the slowest one's time), each figure over the 150 ms goal
marked "over goal"; the process's resident memory once all are measured and after every request type was sent 10
times more (it must not grow); then the slowest query of each request type over the goal, with --explain its
EXPLAIN ANALYZE. Asserts nothing.

    python bench/archive.py [--repeat 20] [--rebuild] [--explain] [--only NAME] [--articles 100000]

It takes minutes (the build, then some searches of half a second each), so it is not part of `make bench`: run it
on its own.
"""

import argparse
import gc
import logging
import os
import re
import secrets
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# Production settings before Django starts: DEBUG off (so whitenoise's manifest storage and production
# templates), on the host name the test client sends, over plain HTTP in-process.
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ["SECURE_SSL_REDIRECT"] = "0"

from common import bench_django, resident_mb

bench_django("_bench_archive")

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.http.response import HttpResponseBase  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

import attribution.wsgi  # noqa: E402, F401 (served as in production: every view imported, then the heap frozen)
from attribution.models import Article, ImportBatch, Quote, ReviewEvent, Speaker  # noqa: E402
from attribution.services.demo import roles_ensure  # noqa: E402

GOAL_MS = 150.0
SLOW_MS, SLOW_REPEAT = 1000.0, 5
AGAIN = 10  # rounds of every request type after the measurements, to see whether memory grows
SPEAKERS = 50_000
MIN_QUOTES = 1_000_000  # at the default 100,000 articles
HEAVY_SPEAKER_QUOTES = 5_000
REVIEWERS = 12
BIG_BATCH = 1  # the archive's backfill: the import batch page measured
BIG_BATCH_SIZE = 12_000
MARK = "bench/archive.py"  # the comment on the article table saying when and how fast the archive was built


def listed(text: str, separator: str = " ") -> list[str]:
    """A word list written as running text: easier to read and edit than one quoted string per line."""
    return text.split(separator)


# Words the archive is written with. Persons: FIRST x INITIALS x LAST (unique by construction, some accented,
# which tests that offsets count code points as Python does).
FIRST = listed(
    "Amara Tomas Ines Kofi Mirela Dmitri Sunita Callum Priya Jonas Leila Mateo Hana Rhys Zoë Olu Freya Idris "
    "Marta Kenji Aoife Tariq Elsa Bram Nadia Yusuf Greta Luca Farah Soren Ilse Desmond Keira Anton Rosa Emeka "
    "Petra Hamish Noor Ravi Ingrid José Maeve Felix Samira Niall Oksana Theo Lucia Ade Hedda Malik Bianca Eamon "
    "Chioma Łukasz Agnes Ruben Siobhán Viktor",
)
LAST = listed(
    "Whitfield Okafor Brennan Haddad Lindqvist Moreau Achterberg Castellanos Nakamura Fairweather Osei Petrov "
    "Mbeki Dunmore Varga Quennell Abernathy Solberg Marchetti Kowalczyk Adeyemi Thorne Iqbal Gallagher Renard "
    "Hollis Nyberg Carvalho Drummond Yilmaz Blackwood Ferreira Strand Mensah Lachance Pemberton Novak Aldous "
    "Kinsella Rautio Ibekwe Sandoval Hargreaves Müller Ostrowski Tanaka Cormack Delacroix Bjornstad Owusu "
    "Penhaligon Zielinski Achebe Marlowe Fitzroy Nguyễn Rasmussen Ellery Kaplan Soto",
)
INITIALS = ["", *(f"{letter}. " for letter in "ABCDEFGHJKLMN")]
PLACES = listed(
    "Kelso Arbroath Penrith Tobermory Whitby Ludlow Cromer Alnwick Bideford Dunoon Hexham Kendal Ripon Skipton "
    "Tenby Wick Brora Lerwick Oban Portree Stranraer Troon Girvan Buckie Elgin Forres Nairn Thurso Dornoch "
    "Brechin Montrose Cupar Crail Anstruther Peebles Selkirk Jedburgh Hawick Moffat Annan Dumfries Kirkcudbright "
    "Wigtown Ayr Largs Rothesay Inveraray Fort-William Mallaig Ullapool Durness Tongue Halkirk Golspie Tain "
    "Dingwall Beauly Kingussie Aviemore Pitlochry Crieff Callander Aberfoyle Killin Comrie Dunblane Alloa "
    "Kinross Falkland Leven Buckhaven Kirkcaldy Burntisland Linlithgow Bo'ness Biggar Lanark Moniaive Sanquhar "
    "Lockerbie Langholm Newcastleton Coldstream Eyemouth Duns Lauder Galashiels Melrose Innerleithen Carnoustie "
    "Arbirlot Forfar Kirriemuir Blairgowrie Coupar Alyth Stonehaven Banchory Ballater Braemar",
)
ORG_TYPES = listed(
    "Harbour Authority|Town Council|Rail Union|Hospital Trust|Chamber of Commerce|Water Board|Police Federation|"
    "Teachers' Association|Housing Co-operative|Ferry Company|Fishermen's Association|Bus Operators|"
    "University|College|Library Service|Fire Service|Farmers' Union|Tenants' Association|Energy Co-operative|"
    "Heritage Trust|Credit Union|Community Council|Health Board|Port Users' Group|Nurses' Union|"
    "Wildlife Trust|Building Society|Arts Centre|Sports Club|Rowing Club",
    "|",
)
GROUP_WORKERS = listed(
    "residents|nurses|shopkeepers|teachers|bus drivers|fishermen|parents|students|farmers|commuters|"
    "pensioners|campaigners|tenants|doctors|lorry drivers|volunteers|ferry passengers|councillors|dockers|walkers",
    "|",
)
OFFICIAL_RANKS = ("senior", "junior", "former", "local", "regional")
OFFICIAL_DEPARTMENTS = listed(
    "treasury|transport|health|education|housing|planning|police|harbour|council|ministry|fisheries|energy|"
    "water|finance|defence|justice|environment|tourism|rail|roads|schools|hospital|customs|port|airport|"
    "licensing|trading standards|social care|welfare|coastguard|forestry|farming|culture|sport|library|"
    "museum|archives|elections|census|weather",
    "|",
)
ROLE_TITLES = listed(
    "chair|chief executive|spokesperson|treasurer|secretary|director|deputy director|head of operations|"
    "press officer|general secretary|vice-chair|finance director|medical director|harbour master|"
    "chief inspector|principal|head teacher|convener|project manager|lead engineer|policy adviser|"
    "senior planner|chief nurse|operations manager|union representative|station manager|board member|"
    "founder|president|vice-president",
    "|",
)
OUTLET_KINDS = ("Radio", "Evening Post")
PUBLISHER_KINDS = ("Gazette", "Herald", "Chronicle")
FILLERS = (
    "The proposal will be discussed at a public meeting next month.",
    "Figures published on Tuesday showed a sharp rise in costs over the past year.",
    "The council has set aside an extra two million pounds for the work.",
    "Campaigners gathered outside the offices on Monday morning.",
    "The decision follows a consultation that drew more than four thousand responses.",
    "A report due in the spring is expected to recommend further changes.",
    "Services were suspended for most of the weekend after the storm.",
    "Local businesses say the disruption has already cost them trade.",
    "The scheme was first announced three years ago but has been repeatedly delayed.",
    "Opposition members have called for an independent review.",
    "The harbour has been used by fishing boats for more than two centuries.",
    "Ticket prices are due to rise by four per cent from April.",
    "The hospital treated more than twelve thousand patients last winter.",
    "Work on the new bridge is due to start in the autumn.",
    "A petition calling for the service to be saved has gathered thousands of signatures.",
    "The ferry timetable was cut back during the pandemic and never fully restored.",
    "Inspectors found that staffing levels had fallen below the recommended minimum.",
    "The government said it would respond to the findings in due course.",
    "Negotiations between the two sides broke down last week.",
    "The site has been empty since the factory closed in 2009.",
    "Parents were told of the changes in a letter sent home on Friday.",
    "The figures do not include staff employed through agencies.",
    "Rail passengers faced delays of up to an hour on Thursday evening.",
    "The trust said it had received no formal complaint.",
    "Flood defences along the river were strengthened after the 2015 floods.",
    "A spokesperson for the company declined to comment on individual cases.",
    "The library has been at the centre of village life since 1902.",
    "Planning permission was granted on appeal in January.",
    "The union said its members would vote on the offer later this month.",
    "Applications for the grants close at the end of the year.",
    "The lifeboat was launched twice in the space of an hour.",
    "Visitor numbers have doubled since the visitor centre opened.",
    "Energy bills for the leisure centre have tripled in two years.",
    "The road will remain closed while repairs are carried out.",
    "Officials confirmed the school would reopen after the half-term break.",
    "A similar scheme elsewhere was abandoned after eighteen months.",
    "The board is expected to make a final decision in June.",
    "Rents in the town have risen faster than anywhere else in the region.",
    "The meeting heard from more than thirty speakers over four hours.",
    "Police said inquiries were continuing.",
)
QUOTE_OPENINGS = (
    "we will keep the ferry running",
    "this decision will hit the poorest families hardest",
    "the council has listened to what people told us",
    "nobody should have to wait eight hours for an ambulance",
    "I have never seen the harbour this busy",
    "we were given no warning at all",
    "the figures speak for themselves",
    "our members are angry and they have every right to be",
    "this is the biggest investment the town has seen in a generation",
    "we cannot go on cutting services year after year",
    "the bridge is safe and will stay open",
    "I understand why people are frustrated",
    "there is simply not enough money to go round",
    "the report confirms what we have been saying for years",
    "we are doing everything we can to get the trains back on time",
    "families deserve better than this",
    "the school will not close while I am in charge",
    "we expect the work to be finished by the summer",
    "this is a victory for everyone who signed the petition",
    "the rise in rents is pushing young people out of the area",
    "we have asked the government for an urgent meeting",
    "the lifeboat crew showed extraordinary courage",
    "nothing has been decided yet",
    "the library is the heart of this village",
    "we owe it to the next generation to get this right",
    "staff are exhausted after the winter",
    "the flood defences did exactly what they were built to do",
    "I will be voting against the proposal",
    "we were promised a new bus service and it never came",
    "the plan has the support of local businesses",
)
QUOTE_MIDDLES = (
    "through the winter",
    "whatever the cost",
    "for as long as it takes",
    "despite the pressure on budgets",
    "after months of uncertainty",
    "because the community asked for it",
    "even if the government will not help",
    "at every stage of the process",
    "in spite of the storms",
    "without cutting a single job",
    "now that the money is in place",
    "once the inspectors have finished",
    "before anyone else is hurt",
    "while the talks go on",
    "as long as passengers keep using it",
    "for the first time in a decade",
    "on the advice of the engineers",
    "after listening to the residents",
    "with the full backing of the board",
    "until a long-term solution is found",
    "in the face of rising energy bills",
    "after a difficult year for everyone",
    "because the evidence is overwhelming",
    "as soon as the weather allows",
    "if the funding is confirmed",
    "even though the figures are disappointing",
    "at a time when families are struggling",
    "now that the consultation is over",
    "in the best interests of patients",
    "with the help of volunteers",
)
QUOTE_CLOSINGS = (
    "and we will not apologise for that",
    "and I hope people will give us a chance",
    "but we need the government to play its part",
    "and the town will be better for it",
    "but the final decision rests with the board",
    "and that is a promise",
    "but there are still difficult choices ahead",
    "and we will publish the details next week",
    "but nobody should pretend it will be easy",
    "and the lighthouse will be restored as part of the work",
    "but the harbour cannot survive on goodwill alone",
    "and we will keep residents informed at every step",
    "but patients must come first",
    "and I am proud of every member of staff",
    "but the questions about safety have not gone away",
    "and the campaign will go on",
    "but we have to be realistic about the timetable",
    "and the results will be independently checked",
    "but the cost of doing nothing is far higher",
    "and we are grateful for the support",
    "but the ferry is a lifeline for the islands",
    "and the money will be spent locally",
    "but lessons must be learned",
    "and we will be back next year",
    "but it is too early to say what went wrong",
    "and the review will be made public",
    "but people are right to ask questions",
    "and that is why we are here today",
    "but trust has to be earned",
    "and the door remains open",
)
TITLE_SUBJECTS = listed(
    "Harbour authority|Ministers|Hospital bosses|Rail operator|Town council|Fishing fleet|Union leaders|"
    "Head teachers|Campaigners|Ferry company|Planning inspectors|Health board|Flood wardens|Housing association|"
    "Bus operator|Library users|Lifeboat crew|Water company|Energy supplier|Parents|Farmers|Shopkeepers|"
    "Police chiefs|University|Tenants|Councillors|Residents|Engineers|Auditors|Volunteers",
    "|",
)
TITLE_VERBS = listed(
    "defend|warn over|promise review of|reject criticism of|announce plans for|call for inquiry into|"
    "back down over|face questions over|approve funding for|delay decision on|admit mistakes in|"
    "launch appeal over|vow to fight|set out timetable for|pause work on|welcome report on|criticise|"
    "seek talks on|publish figures on|scrap plans for|extend consultation on|apologise for|"
    "demand answers on|confirm cuts to|unveil|oppose|win backing for|lose appeal over|revise|question",
    "|",
)
TITLE_OBJECTS = listed(
    "winter ferry timetable|new bridge|hospital car parking charges|school closures|bus route cuts|"
    "harbour dredging|flood defences|library opening hours|affordable housing scheme|rail fares|"
    "ambulance waiting times|energy costs|council tax rise|wind farm|lifeboat station|fishing quotas|"
    "town centre regeneration|leisure centre|recycling collections|speed limits|water quality|"
    "care home funding|broadband roll-out|road repairs|museum future|pay offer|staff shortages|"
    "island air service|market square redesign|coastal path",
    "|",
)
TITLE_CLAUSES = listed(
    "residents demand an independent review of the crossing's safety record|"
    "figures show the number of complaints has doubled in two years|"
    "opposition councillors accuse the administration of ignoring the consultation|"
    "union warns of strike action unless talks resume within a fortnight|"
    "report finds the scheme has cost twice the original estimate|"
    "campaigners hand in a petition signed by thousands of local people|"
    "ministers say there is no more money for the project this year|"
    "businesses say the uncertainty is already costing them customers|"
    "engineers say repairs could take until the end of next summer|"
    "inspectors describe the conditions they found as unacceptable",
    "|",
)
EXTRACTION_ERROR = "The engine stopped on this text: ValueError: [E088] Text of length 1200000 exceeds maximum."


# Building the archive: temporary tables plan it (articles, speaker slots, quotes and their text pieces), then
# one INSERT ... SELECT per table of the app writes it.

PLAN_REGISTRY = """
CREATE TEMP TABLE spk AS
WITH words AS (
    SELECT %(first)s::text[] AS first, %(initials)s::text[] AS initials, %(last)s::text[] AS last,
           %(roles)s::text[] AS roles, %(places)s::text[] AS places, %(orgs)s::text[] AS orgs,
           %(workers)s::text[] AS workers, %(ranks)s::text[] AS ranks, %(departments)s::text[] AS departments
)
SELECT idx, first[1 + (idx / 60) %% 60] || ' ' || initials[1 + idx / 3600] || last[1 + idx %% 60] AS name,
       'person' AS kind,
       CASE WHEN idx %% 10 = 9 THEN ''
            ELSE roles[1 + idx %% 30] || ' of the ' || places[1 + (idx / 30) %% 100] || ' '
                 || orgs[1 + (idx / 3000) %% 30] END AS role,
       CASE WHEN idx >= 3600 AND idx %% 9 = 0
            THEN jsonb_build_array('Dr ' || first[1 + (idx / 60) %% 60] || ' ' || initials[1 + idx / 3600]
                                   || last[1 + idx %% 60])
            ELSE '[]'::jsonb END AS aliases
FROM generate_series(0, 45999) idx, words
UNION ALL
SELECT idx, 'the ' || places[1 + (idx - 46000) %% 100] || ' ' || orgs[1 + (idx - 46000) / 100], 'organization', '',
       '[]'
FROM generate_series(46000, 48999) idx, words
UNION ALL
SELECT idx, workers[1 + (idx - 49000) %% 20] || ' in ' || places[1 + (idx - 49000) / 20], 'group', '', '[]'
FROM generate_series(49000, 49799) idx, words
UNION ALL
SELECT idx, 'a ' || ranks[1 + (idx - 49800) %% 5] || ' ' || departments[1 + (idx - 49800) / 5] || ' official',
       'anonymous', '', '[]'
FROM generate_series(49800, 49999) idx, words;

CREATE TEMP TABLE outlet_plan AS
SELECT idx, (%(places)s::text[])[1 + idx %% 100] || ' ' || (%(outlet_kinds)s::text[])[1 + idx / 100] AS name
FROM generate_series(0, 199) idx;
"""

SPEAKERS_INSERT = """
INSERT INTO attribution_speaker (id, name, kind, aliases, created_at)
SELECT idx + 1, name, kind, aliases, now() - (idx %% 900) * interval '1 day' FROM spk ORDER BY idx;
"""

OUTLETS_INSERT = """
INSERT INTO attribution_outlet (id, name, aliases, created_at)
SELECT idx + 1, name, '[]', now() - interval '800 days' FROM outlet_plan ORDER BY idx;
"""

# Import batches cover consecutive article numbers, oldest first; a batch mostly holds one publisher's feed.
PLAN_BATCHES = """
CREATE TEMP TABLE batch_plan AS
WITH sized AS MATERIALIZED (
    SELECT b, CASE WHEN b = %(big_batch)s THEN %(big_size)s ELSE 40 + floor(power(random(), 2) * 400)::int END AS size,
           floor(power(random(), 1.5) * 300)::int AS publisher_idx, random() AS r_dup, random() AS r_fail
    FROM generate_series(1, 20000) b
), ranged AS (
    SELECT *, (sum(size) OVER (ORDER BY b) - size + 1)::int AS lo FROM sized
)
SELECT b, lo, least(lo + size, %(articles)s + 1) AS hi, publisher_idx,
       floor(size * 0.03 * r_dup)::int AS dups, floor(size * 0.01 * r_fail)::int AS fails,
       timestamptz '2023-06-01 06:00+00' + (lo::float / %(articles)s) * interval '1000 days' AS created_at
FROM ranged WHERE lo <= %(articles)s;

CREATE TEMP TABLE publisher_plan AS
SELECT idx, (%(places)s::text[])[1 + idx %% 100] || ' ' || (%(publisher_kinds)s::text[])[1 + idx / 100] AS name
FROM generate_series(0, 299) idx;
"""

BATCHES_INSERT = """
INSERT INTO attribution_importbatch (id, source_name, created_by_id, created_at, updated_at, state, upload,
    publisher, extract, message, rows, fraction_read, created_count, duplicate_count, failed_count)
SELECT b,
       CASE WHEN b = %(big_batch)s THEN 'archive-backfill-2019-2023.zip'
            ELSE regexp_replace(lower(p.name), '[^a-z0-9]+', '-', 'g') || '-' || to_char(bp.created_at, 'YYYY-MM-DD')
                 || CASE WHEN mod(b, 3) = 0 THEN '.csv' ELSE '.jsonl' END END,
       %(admin)s, bp.created_at, bp.created_at + interval '3 minutes', 'stored', '',
       CASE WHEN mod(b, 3) = 0 THEN p.name ELSE '' END, true, '', 0, 1.0, 0, dups, fails
FROM batch_plan bp JOIN publisher_plan p ON p.idx = bp.publisher_idx;
"""

PLAN_ARTICLES = """
CREATE TEMP TABLE plan AS
WITH drawn AS MATERIALIZED (
    SELECT n, bp.b, bp.lo, bp.created_at AS batch_at, bp.publisher_idx AS batch_publisher,
           random() AS r_publisher, floor(power(random(), 1.5) * 300)::int AS any_publisher,
           random() AS r_quotes, random() AS r_review, random() AS r_published, random() AS r_clause,
           1 + floor(random() * 100)::int AS place, 1 + floor(random() * 30)::int AS t1,
           1 + floor(random() * 30)::int AS t2, 1 + floor(random() * 30)::int AS t3,
           1 + floor(random() * 10)::int AS t4, 1 + floor(random() * 40)::int AS f1,
           1 + floor(random() * 40)::int AS f2, 1 + floor(random() * 40)::int AS f3,
           1 + floor(random() * 40)::int AS f4
    FROM batch_plan bp CROSS JOIN LATERAL generate_series(bp.lo, bp.hi - 1) n
), shaped AS (
    SELECT drawn.*,
           -- Every twelfth article was pasted by hand rather than imported.
           CASE WHEN mod(n, 12) = 0 THEN NULL ELSE b END AS batch_id,
           batch_at + (n - lo) * interval '40 milliseconds' AS created_at,
           CASE WHEN n <> %(review)s AND mod(n, 199) = 7 THEN 'failed' ELSE 'done' END AS extraction_status,
           -- Older articles are more often reviewed, wholly or in part.
           0.4 * (1 - n::float / %(articles)s) AS reviewed_share
    FROM drawn
)
SELECT n, batch_id, created_at, extraction_status,
       CASE WHEN mod(n, 12) <> 0 AND r_publisher < 0.7 THEN batch_publisher ELSE any_publisher END AS publisher_idx,
       CASE WHEN mod(n, 50) = 13 THEN NULL ELSE created_at - r_published * interval '3 days' END AS published_at,
       CASE WHEN n = %(review)s THEN 40 WHEN extraction_status = 'failed' THEN 0
            ELSE 3 + floor(power(r_quotes, 3.5) * 38)::int END AS q,
       CASE WHEN n = %(review)s THEN 'none' WHEN r_review < reviewed_share THEN 'full'
            WHEN r_review < reviewed_share + 0.05 THEN 'part' ELSE 'none' END AS review,
       subjects[t1] || ' ' || verbs[t2] || ' ' || objects[t3] || ' in ' || places[place]
           || CASE WHEN r_clause < 0.8 THEN ' as ' || clauses[t4] ELSE ', say ' || workers[t4] END AS title,
       upper(places[place]) || ' - ' || fillers[f1] || ' ' || fillers[f2] || E'\n\n' AS lead,
       fillers[f3] || ' ' || fillers[f4] AS tail
FROM shaped,
LATERAL (SELECT %(subjects)s::text[] AS subjects, %(verbs)s::text[] AS verbs, %(objects)s::text[] AS objects,
                %(clauses)s::text[] AS clauses, %(places)s::text[] AS places, %(fillers)s::text[] AS fillers,
                %(workers)s::text[] AS workers) words;

ALTER TABLE plan ADD COLUMN k int;
UPDATE plan SET k = CASE WHEN q = 0 THEN 0 ELSE 1 + q / 4 END;

-- Each article's speakers: slot s of article n is one speaker of the registry, drawn with a long tail (rank r
-- is spread over the registry by a multiplier coprime with its size), sometimes speaking to an outlet.
CREATE TEMP TABLE slot AS
SELECT p.n, s, mod((1 + floor(power(random(), 2) * 49999)::int) * 7919, 50000) AS speaker_idx,
       CASE WHEN random() < 0.15 THEN floor(random() * 200)::int END AS outlet_idx
FROM plan p CROSS JOIN LATERAL generate_series(0, p.k - 1) s;

-- Each quote: its speaker slot (the first speakers of an article speak most), status, kind and words.
CREATE TEMP TABLE seg AS
WITH drawn AS MATERIALIZED (
    SELECT p.n, i, p.q, p.review, p.created_at AS article_at, floor(power(random(), 1.5) * p.k)::int AS s,
           random() AS r_status, random() AS r_kind, random() AS r_close, random() AS r_filler,
           1 + floor(random() * 30)::int AS w1, 1 + floor(random() * 30)::int AS w2,
           1 + floor(random() * 30)::int AS w3, 1 + floor(random() * 40)::int AS f1,
           1 + floor(random() * 40)::int AS f2, round((1 - 0.55 * power(random(), 4))::numeric, 3) AS confidence,
           1 + floor(random() * %(reviewer_count)s)::int AS reviewer, random() AS r_delay
    FROM plan p CROSS JOIN LATERAL generate_series(1, p.q) i
)
SELECT d.n, d.i, slot.speaker_idx, slot.outlet_idx, d.confidence, d.reviewer, d.article_at,
       CASE WHEN d.review = 'full' OR (d.review = 'part' AND d.i <= d.q / 2) THEN
                CASE WHEN r_status < 0.80 THEN 'confirmed' WHEN r_status < 0.92 THEN 'corrected' ELSE 'rejected' END
            ELSE 'pending' END AS status,
       CASE WHEN r_kind < 0.65 THEN 'direct' WHEN r_kind < 0.92 THEN 'indirect' ELSE 'mixed' END AS kind,
       openings[w1] || ' ' || middles[w2] || CASE WHEN r_close < 0.6 THEN ' ' || closings[w3] ELSE '' END AS words,
       fillers[f1] || CASE WHEN r_filler < 0.5 THEN ' ' || fillers[f2] ELSE '' END AS filler,
       least(d.article_at + interval '1 hour' + r_delay * interval '30 days', now() - interval '1 hour')
           AS reviewed_at
FROM drawn d JOIN slot ON slot.n = d.n AND slot.s = d.s,
LATERAL (SELECT %(openings)s::text[] AS openings, %(middles)s::text[] AS middles,
                %(closings)s::text[] AS closings, %(fillers)s::text[] AS fillers) words;

-- The speaker page's speaker (registry entry 0, never drawn above): exactly 5,000 quotes, none rejected (a
-- rejected quote is not the speaker's), none in the review page's article.
UPDATE seg SET speaker_idx = 0 WHERE (n, i) IN (
    SELECT n, i FROM seg WHERE status <> 'rejected' AND n <> %(review)s ORDER BY random() LIMIT %(heavy)s
);
"""

# Each quote's sentence around its words (pre + quoted + post), the offsets of the words and of the speaker's
# name in the body: the lead, then the sentences before it.
PLAN_TEXT = """
CREATE TEMP TABLE piece AS
WITH named AS (
    SELECT seg.*, sp.name, sp.kind AS speaker_kind, sp.role AS speaker_role, o.name AS outlet_name,
           CASE WHEN sp.role <> '' THEN ', ' || sp.role ELSE '' END AS role_part,
           CASE WHEN o.name IS NOT NULL THEN ', speaking to ' || o.name ELSE '' END AS outlet_part,
           CASE WHEN seg.kind = 'direct' THEN upper(left(seg.words, 1)) || substr(seg.words, 2)
                ELSE seg.words END AS quoted
    FROM seg JOIN spk sp ON sp.idx = seg.speaker_idx LEFT JOIN outlet_plan o ON o.idx = seg.outlet_idx
), worded AS (
    SELECT named.*,
           CASE kind WHEN 'direct' THEN filler || ' "'
                     WHEN 'indirect' THEN filler || ' ' || name || role_part
                                          || CASE WHEN role_part <> '' THEN ',' ELSE '' END || ' said that '
                     ELSE filler || ' According to ' || name || role_part || ', ' END AS pre,
           CASE kind WHEN 'direct' THEN ',"' || ' said ' || name || role_part || outlet_part || '.'
                     ELSE outlet_part || '.' END || E'\n\n' AS post
    FROM named
), placed AS (
    SELECT worded.*,
           char_length(pre) + char_length(quoted) + char_length(post) AS seg_len,
           CASE kind WHEN 'direct' THEN char_length(pre) + char_length(quoted) + char_length(',"' || ' said ')
                     WHEN 'indirect' THEN char_length(filler) + 1
                     ELSE char_length(filler) + char_length(' According to ') END AS name_offset
    FROM worded
)
SELECT placed.*,
       char_length(p.lead) + coalesce(sum(seg_len) OVER before_it, 0) AS seg_at
FROM placed JOIN plan p USING (n)
WINDOW before_it AS (PARTITION BY n ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING);
"""

# The who-is-who the engine keeps per article: each person and organisation its quotes name, with every place.
ARTICLES_INSERT = """
CREATE TEMP TABLE ents AS
SELECT n, jsonb_agg(entity ORDER BY first_at) AS entities FROM (
    SELECT n, min(seg_at + name_offset) AS first_at,
           jsonb_build_object('name', name, 'kind', speaker_kind, 'role', speaker_role, 'mentions',
               jsonb_agg(jsonb_build_array(seg_at + name_offset, seg_at + name_offset + char_length(name))
                         ORDER BY seg_at)) AS entity
    FROM piece WHERE speaker_kind IN ('person', 'organization')
    GROUP BY n, speaker_idx, name, speaker_kind, speaker_role
) per_speaker GROUP BY n;

INSERT INTO attribution_article (id, title, body, url, url_key, dropped, publisher, published_at, external_id,
    content_hash, imported_by_id, import_batch_id, extraction_status, extraction_error, entities, created_at,
    updated_at)
SELECT n, title, body,
       CASE WHEN mod(n, 10) = 3 THEN ''
            ELSE 'https://www.' || regexp_replace(lower(pub.name), '[^a-z0-9]+', '-', 'g') || '.example/news/' || n END,
       -- As webpages.urls.identity: no scheme, no www.
       CASE WHEN mod(n, 10) = 3 THEN ''
            ELSE regexp_replace(lower(pub.name), '[^a-z0-9]+', '-', 'g') || '.example/news/' || n END,
       '[]'::jsonb,
       pub.name, published_at, CASE WHEN mod(n, 4) = 0 THEN 'cms-' || n ELSE '' END,
       -- As services.ingest.content_hash: SHA-256 of the text with whitespace folded, lower-cased.
       encode(sha256(convert_to(lower(regexp_replace(btrim(body, E' \\n'), E'\\\\s+', ' ', 'g')), 'UTF8')), 'hex'),
       %(admin)s, batch_id, extraction_status,
       CASE WHEN extraction_status = 'failed' THEN %(extraction_error)s ELSE '' END,
       coalesce(ents.entities, '[]'), created_at, created_at + interval '2 minutes'
FROM (
    SELECT plan.*, plan.lead || coalesce(sentences.text, '') || plan.tail AS body
    FROM plan LEFT JOIN (
        SELECT n, string_agg(pre || quoted || post, '' ORDER BY i) AS text FROM piece GROUP BY n
    ) sentences USING (n)
) plan
JOIN publisher_plan pub ON pub.idx = plan.publisher_idx
LEFT JOIN ents USING (n);
"""

# What each batch stored, and the rows it skipped (duplicates of articles it had already, and bad rows).
BATCH_ROWS = """
UPDATE attribution_importbatch batch SET created_count = stored.count,
       rows = stored.count + batch.duplicate_count + batch.failed_count
FROM (SELECT import_batch_id, count(*) FROM attribution_article GROUP BY import_batch_id) stored
WHERE stored.import_batch_id = batch.id;

INSERT INTO attribution_skippedrow (batch_id, position, "where", kind, message, duplicate_of_id)
SELECT batch.id, batch.created_count + j, batch.source_name || ' line ' || (batch.created_count + j),
       CASE WHEN j <= batch.duplicate_count THEN 'duplicate' ELSE 'error' END,
       CASE WHEN j <= batch.duplicate_count THEN 'Already imported (the same text).'
            ELSE (ARRAY['published_at: not a date: ''32/13/2024''', 'body: empty', 'url: not a URL: ''htp:/x''',
                        'title: longer than 500 characters'])[1 + mod(j, 4)] END,
       CASE WHEN j <= batch.duplicate_count THEN bp.lo + j - 1 END
FROM attribution_importbatch batch JOIN batch_plan bp ON bp.b = batch.id
CROSS JOIN LATERAL generate_series(1, batch.duplicate_count + batch.failed_count) j;
"""

QUOTES_INSERT = """
INSERT INTO attribution_quote (id, article_id, start, "end", extracted_start, extracted_end, extracted_kind,
    engine_version, learned, words, text, kind, cue, confidence, extracted_speaker, extracted_speaker_kind,
    extracted_role, extracted_outlet, speaker_id, speaker_text, role, outlet_id, outlet_text, status, version,
    reviewed_by_id, reviewed_at, created_at)
SELECT row_number() OVER (ORDER BY n, i), n, seg_at + char_length(pre), seg_at + char_length(pre) + char_length(quoted),
       seg_at + char_length(pre), seg_at + char_length(pre) + char_length(quoted), kind,
       CASE WHEN mod(n, 3) = 0 THEN 'archive-1' ELSE 'archive-2' END, '[]'::jsonb,
       -- Folded for statements later (bench/statements.py --archive), as the matching task would.
       '', quoted, kind, CASE kind WHEN 'mixed' THEN 'according to' ELSE 'said' END, confidence, name, speaker_kind,
       -- A correction put the right role in place of the engine's guess.
       CASE WHEN status = 'corrected' THEN 'spokesperson' ELSE speaker_role END, coalesce(outlet_name, ''),
       -- Confirming or correcting links the quote to the registry; pending and rejected quotes are not linked.
       CASE WHEN status IN ('confirmed', 'corrected') THEN speaker_idx + 1 END, name, speaker_role,
       CASE WHEN status IN ('confirmed', 'corrected') THEN outlet_idx + 1 END, coalesce(outlet_name, ''), status,
       CASE WHEN status = 'pending' THEN 1 ELSE 2 END,
       CASE WHEN status <> 'pending' THEN (%(reviewers)s::int[])[reviewer] END,
       CASE WHEN status <> 'pending' THEN reviewed_at END,
       article_at + interval '1 minute'
FROM piece;
"""

# One event per review, as the review service records it: the snapshot before (pending, as extracted) and after.
EVENTS_INSERT = """
INSERT INTO attribution_reviewevent (id, quote_id, article_id, user_id, action, undoes_id, "before", "after",
    created_at)
SELECT q.id, q.id, q.article_id, q.reviewed_by_id,
       CASE q.status WHEN 'confirmed' THEN 'confirm' WHEN 'corrected' THEN 'edit' ELSE 'reject' END, NULL,
       jsonb_build_object('status', 'pending', 'kind', q.kind, 'speaker_text', q.extracted_speaker,
                          'role', q.extracted_role, 'outlet_text', q.extracted_outlet, 'start', q.start,
                          'end', q."end", 'reviewed_by', NULL, 'reviewed_at', NULL, 'version', 1,
                          'speaker_kind', ''),
       jsonb_build_object('status', q.status, 'kind', q.kind, 'speaker_text', q.speaker_text, 'role', q.role,
                          'outlet_text', q.outlet_text, 'start', q.start, 'end', q."end",
                          'reviewed_by', u.username,
                          'reviewed_at', to_char(q.reviewed_at AT TIME ZONE 'UTC',
                                                 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                          'version', q.version, 'speaker_kind', coalesce(s.kind, '')),
       q.reviewed_at
FROM attribution_quote q JOIN auth_user u ON u.id = q.reviewed_by_id
LEFT JOIN attribution_speaker s ON s.id = q.speaker_id
WHERE q.status <> 'pending';
"""

# As migration 0015 fills it: every article with pending quotes, and how many.
PENDING_INSERT = """
INSERT INTO attribution_pendingarticle (article_id, created_at, pending)
SELECT article.id, article.created_at, count(*) FROM attribution_quote quote
JOIN attribution_article article ON article.id = quote.article_id
WHERE quote.status = 'pending' GROUP BY article.id;
"""

APP_TABLES = (
    "attribution_reviewevent",
    "attribution_pendingarticle",
    "attribution_articleopen",
    "attribution_skippedrow",
    "attribution_quote",
    "attribution_article",
    "attribution_speakermerge",
    "attribution_speaker",
    "attribution_outlet",
    "attribution_importbatch",
    "attribution_exportlog",
)
EXPLICIT_IDS = (
    "attribution_article",
    "attribution_quote",
    "attribution_speaker",
    "attribution_outlet",
    "attribution_importbatch",
    "attribution_reviewevent",
)


# The values the building statements take: numbers, texts and lists of them (arrays in SQL).
Params = dict[str, int | str | list[str] | list[int]]


@dataclass(frozen=True)
class Users:
    editor: User
    admin: User
    reviewers: list[User]


def users_ready() -> Users:
    """The Editor and Admin the requests are sent as, and the editors whose reviews the archive holds."""
    editors, admins = roles_ensure()
    editor, _ = User.objects.get_or_create(username="archive-editor")
    editor.groups.add(editors)
    admin, _ = User.objects.get_or_create(username="archive-admin")
    admin.groups.add(admins)
    reviewers = []
    for n in range(1, REVIEWERS + 1):
        reviewer, _ = User.objects.get_or_create(username=f"archive-reviewer-{n:02}")
        reviewer.groups.add(editors)
        reviewers.append(reviewer)
    return Users(editor=editor, admin=admin, reviewers=reviewers)


def step(label: str, statements: str, params: Params) -> None:
    """Run SQL statements in one transaction, saying how long they took."""
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in statements.split(";\n"):
            if statement.strip():
                cursor.execute(statement, params)
    print(f"  {label}: {time.perf_counter() - started:.1f} s", flush=True)


def build(articles: int, users: Users) -> float:
    """The archive, from nothing; returns the seconds it took."""
    started = time.perf_counter()
    review = articles // 2
    params: Params = {
        "articles": articles,
        "review": review,
        "heavy": HEAVY_SPEAKER_QUOTES,
        "big_batch": BIG_BATCH,
        "big_size": min(BIG_BATCH_SIZE, articles // 4),
        "admin": users.admin.pk,
        "reviewers": [user.pk for user in users.reviewers],
        "reviewer_count": len(users.reviewers),
        "first": FIRST,
        "initials": INITIALS,
        "last": LAST,
        "roles": ROLE_TITLES,
        "places": PLACES,
        "orgs": ORG_TYPES,
        "workers": GROUP_WORKERS,
        "ranks": list(OFFICIAL_RANKS),
        "departments": OFFICIAL_DEPARTMENTS,
        "outlet_kinds": list(OUTLET_KINDS),
        "publisher_kinds": list(PUBLISHER_KINDS),
        "fillers": list(FILLERS),
        "openings": list(QUOTE_OPENINGS),
        "middles": list(QUOTE_MIDDLES),
        "closings": list(QUOTE_CLOSINGS),
        "subjects": TITLE_SUBJECTS,
        "verbs": TITLE_VERBS,
        "objects": TITLE_OBJECTS,
        "clauses": TITLE_CLAUSES,
        "extraction_error": EXTRACTION_ERROR,
    }
    print(f"building the archive ({articles:,} articles)...", flush=True)
    with connection.cursor() as cursor:
        # This session only: room for the planning tables and their sorts, no waiting on the disk per commit,
        # and the same draws on every build.
        cursor.execute("SET temp_buffers = '1GB'")
        cursor.execute("SET work_mem = '512MB'")
        cursor.execute("SET maintenance_work_mem = '1GB'")
        cursor.execute("SET synchronous_commit = off")
        cursor.execute(f"TRUNCATE {', '.join(APP_TABLES)} RESTART IDENTITY CASCADE")
        cursor.execute("SELECT setseed(0.14)")
    step("planning the registry", PLAN_REGISTRY, params)
    step(f"{SPEAKERS:,} speakers", SPEAKERS_INSERT, params)
    step("outlets", OUTLETS_INSERT, params)
    step("planning the import batches", PLAN_BATCHES, params)
    step("import batches", BATCHES_INSERT, params)
    step("planning articles and quotes", PLAN_ARTICLES, params)
    step("planning the text", PLAN_TEXT, params)
    step("articles", ARTICLES_INSERT, params)
    step("import batches' counts and skipped rows", BATCH_ROWS, params)
    # The pending-articles trigger (migration 0015) would upsert attribution_pendingarticle once per quote: for
    # the bulk load it is off, and the table is filled below with one INSERT ... SELECT ... GROUP BY, as the
    # migration fills it. Disabled and enabled again inside the one transaction, so a failed load never leaves
    # it off. The trigger checking each quote's offsets against its article's body stays on.
    step(
        "quotes",
        "ALTER TABLE attribution_quote DISABLE TRIGGER attribution_count_pending;\n"
        + QUOTES_INSERT
        + PENDING_INSERT
        # The foreign keys' deferred checks first: a table with pending trigger events cannot be altered.
        + "SET CONSTRAINTS ALL IMMEDIATE;\n"
        + "ALTER TABLE attribution_quote ENABLE TRIGGER attribution_count_pending;\n",
        params,
    )
    step("review events", EVENTS_INSERT, params)
    with connection.cursor() as cursor:
        for table in EXPLICIT_IDS:  # the ids were given: new rows continue after them
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        cursor.execute("DROP TABLE spk, outlet_plan, batch_plan, publisher_plan, plan, slot, seg, piece, ents")
    vacuum()
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute(
            f"COMMENT ON TABLE attribution_article IS '{MARK}: {articles} articles built in {seconds:.0f} s'"
        )
    return seconds


def vacuum() -> None:
    """What autovacuum would soon do on a live database after a bulk load or a migration that rewrote rows:
    planner statistics, and the visibility map that index-only scans need (and autovacuum not starting in the
    middle of the measurements). Seconds when nothing changed."""
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for table in APP_TABLES:
            cursor.execute(f"VACUUM (ANALYZE) {table}")
    print(f"  vacuum and analyze: {time.perf_counter() - started:.1f} s", flush=True)


@dataclass(frozen=True)
class Counts:
    articles: int
    quotes: int
    speakers: int
    pending: int
    reviewed: int
    events: int
    batches: int
    publishers: int
    with_40: int
    heavy: int


def counts() -> Counts:
    heavy = Speaker.objects.filter(pk=1).first()
    return Counts(
        articles=Article.objects.count(),
        quotes=Quote.objects.count(),
        speakers=Speaker.objects.count(),
        pending=Quote.objects.filter(status=Quote.Status.PENDING).count(),
        reviewed=Quote.objects.exclude(status=Quote.Status.PENDING).count(),
        events=ReviewEvent.objects.count(),
        batches=ImportBatch.objects.count(),
        publishers=Article.objects.values("publisher").distinct().count(),
        with_40=Article.objects.filter(pending__pending=40).count(),
        heavy=Quote.objects.filter(speaker_text=heavy.name).exclude(status=Quote.Status.REJECTED).count()
        if heavy
        else 0,
    )


def build_record() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT obj_description('attribution_article'::regclass, 'pg_class')")
        row = cursor.fetchone()
    return str(row[0]) if row and row[0] else ""


def archive_ready(articles: int, rebuild: bool, users: Users) -> None:
    """Build the archive unless it is already there (its counts, and the build's note, say so)."""
    record = build_record()
    built = (
        not rebuild
        and record.startswith(f"{MARK}: {articles} articles")
        and Article.objects.count() == articles
        and Speaker.objects.count() >= SPEAKERS
        and Quote.objects.count() >= (MIN_QUOTES if articles >= 100_000 else 1)
    )
    if built:
        print(f"archive kept from an earlier run ({record})", flush=True)
        return
    seconds = build(articles, users)
    print(f"archive built in {seconds:.0f} s", flush=True)


# Measuring.


def percentile(samples: list[float], p: float) -> float:
    """Nearest rank, as bench/load.py."""
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, round(len(ordered) * p / 100 + 0.5) - 1))]


@dataclass(frozen=True)
class Probe:
    name: str
    send: Callable[[], HttpResponseBase]
    expect: int = 200


@dataclass(frozen=True)
class Figures:
    name: str
    requests: int
    median: float
    p95: float
    size: int
    queries: int
    slowest_ms: float
    slowest_sql: str
    statuses: Counter[int]
    expect: int

    @property
    def over(self) -> bool:
        return self.median > GOAL_MS or self.p95 > GOAL_MS

    def line(self) -> str:
        unexpected = {status: n for status, n in self.statuses.items() if status != self.expect}
        notes = [f"HTTP {unexpected}" if unexpected else "", "over goal" if self.over else ""]
        return (
            f"{self.name:44} {self.requests:3} {self.median:8.1f} {self.p95:8.1f} {self.size / 1024:8.1f}"
            f" {self.queries:5} {self.slowest_ms:9.1f}  {' '.join(note for note in notes if note)}"
        )


def measure(probe: Probe, repeat: int, warmup: int) -> Figures:
    """Warm up, then time repeat requests (SLOW_REPEAT of a request type whose first warm-up took over SLOW_MS:
    its figures are far past the goal anyway, and 20 of them would take minutes); then one more with its
    queries captured (not timed: capturing adds its own cost)."""
    # A full garbage collection first: each request type pays for the collections its own garbage causes, not for
    # what the one before it left.
    gc.collect()
    started = time.perf_counter()
    probe.send()
    if (time.perf_counter() - started) * 1000 > SLOW_MS:
        repeat, warmup = min(repeat, SLOW_REPEAT), 1
    for _ in range(warmup - 1):
        probe.send()
    samples, statuses, size = [], Counter[int](), 0
    for _ in range(repeat):
        started = time.perf_counter()
        response = probe.send()
        samples.append((time.perf_counter() - started) * 1000)
        statuses[response.status_code] += 1
        size = len(getattr(response, "content", b""))
    with CaptureQueriesContext(connection) as captured:
        probe.send()
    queries = captured.captured_queries
    slowest = max(queries, key=lambda query: float(query["time"]), default={"time": "0", "sql": ""})
    return Figures(
        name=probe.name,
        requests=len(samples),
        median=statistics.median(samples),
        p95=percentile(samples, 95),
        size=size,
        queries=len(queries),
        slowest_ms=float(slowest["time"]) * 1000,
        slowest_sql=str(slowest["sql"]),
        statuses=statuses,
        expect=probe.expect,
    )


def explain(sql: str) -> list[str]:
    if not re.match(r"\s*SELECT\b", sql, re.IGNORECASE):
        return [f"(not a SELECT: {sql[:160]})"]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return [str(row[0]) for row in cursor.fetchall()]


def confirm_targets(review: int, count: int) -> Iterator[Quote]:
    """count pending quotes, in reading order, of articles with 40 quotes (the most a confirm's card repaints)
    other than the review page's: each confirmed once, a run uses a few dozen of the tens of thousands. Read
    before the measuring starts."""
    forty = (
        Article.objects.filter(pending__isnull=False)
        .exclude(pk=review)
        .annotate(quotes_in=Count("quotes"))
        .filter(quotes_in=40)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    pending = Quote.objects.filter(article_id__in=list(forty[:20]), status=Quote.Status.PENDING)
    return iter(list(pending.order_by("article_id", "start")[:count]))


def probes(editor: Client, admin: Client, review: int, confirms: int) -> list[Probe]:
    """Every request type, as the desk sends it."""
    heavy = Speaker.objects.get(pk=1)
    batch = BIG_BATCH
    top_publisher = (
        Article.objects.exclude(publisher="")
        .values("publisher")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("publisher", flat=True)[0]
    )
    in_batch = f"{Article.objects.filter(import_batch_id=batch).count():,}"
    last_page = (Article.objects.count() + 49) // 50
    month = "date_from=2025-03-01&date_to=2025-03-31"
    htmx = {"HX-Request": "true"}
    targets = confirm_targets(review, confirms)

    def get(client: Client, url: str, headers: dict[str, str] | None = None) -> Callable[[], HttpResponseBase]:
        return lambda: client.get(url, headers=headers)

    def confirm() -> HttpResponseBase:
        quote = next(targets)
        page = f"http://testserver/articles/{quote.article_id}/"
        return editor.post(
            f"/quotes/{quote.pk}/confirm/",
            {"version": quote.version},
            headers={"HX-Request": "true", "HX-Current-URL": page, "HX-Target": f"quote-{quote.pk}"},
        )

    return [
        Probe("article list, first page", get(editor, "/articles/")),
        Probe("article list, review=pending", get(editor, "/articles/?review=pending")),
        Probe("article list, review=done", get(editor, "/articles/?review=done")),
        Probe("article list, publisher (the largest)", get(editor, f"/articles/?publisher={top_publisher}")),
        Probe("article list, published in a month", get(editor, f"/articles/?{month}")),
        Probe(f"article list, import batch ({in_batch})", get(editor, f"/articles/?import_batch={batch}")),
        Probe("article list, low confidence", get(editor, "/articles/?low_confidence=on")),
        Probe("article list, page 1,000", get(editor, "/articles/?page=1000")),
        Probe(f"article list, last page ({last_page:,})", get(editor, f"/articles/?page={last_page}")),
        Probe("search 'ferry' (4 in 10 articles)", get(editor, "/articles/?q=ferry")),
        Probe("search 'lighthouse restored' (2 in 10)", get(editor, "/articles/?q=lighthouse+restored")),
        Probe("search 'zeppelin' (none)", get(editor, "/articles/?q=zeppelin")),
        Probe("search 'ferry', htmx results", get(editor, "/articles/?q=ferry", htmx)),
        Probe("review page, 40 quotes", get(editor, f"/articles/{review}/")),
        Probe("confirm (htmx)", confirm),
        Probe("speaker list, first page", get(editor, "/speakers/")),
        Probe("speaker list, page 250", get(editor, "/speakers/?page=250")),
        Probe("speaker search 'okafor'", get(editor, "/speakers/?q=okafor")),
        Probe(f"speaker page, {heavy.name} (5,000 quotes)", get(editor, f"/speakers/{heavy.pk}/")),
        Probe("speaker page, its last page", get(editor, f"/speakers/{heavy.pk}/?page=100")),
        Probe("speaker page as Admin (merge form)", get(admin, f"/speakers/{heavy.pk}/")),
        Probe("suggestions: publishers 'co'", get(editor, "/suggest/publishers/?q=co", htmx)),
        Probe("suggestions: import batches 'feed'", get(editor, "/suggest/import-batches/?q=feed", htmx)),
        Probe("suggestions: speakers 'ok' (merge form)", get(admin, "/suggest/speakers/?q=ok", htmx)),
        Probe("suggestions: articles 'ferry'", get(editor, "/suggest/articles/?q=ferry", htmx)),
        Probe("suggestions: articles 'zeppelin' (none)", get(editor, "/suggest/articles/?q=zeppelin", htmx)),
        Probe("export page (count of verified)", get(editor, "/export/")),
        Probe(
            "export count, all, largest publisher", get(editor, f"/export/?status=all&publisher={top_publisher}", htmx)
        ),
        Probe("export count, verified, a month", get(editor, f"/export/?status=verified&{month}", htmx)),
        Probe("export count, a speaker", get(editor, f"/export/?status=all&speaker={heavy.name}", htmx)),
        Probe("next article (queue)", get(editor, "/articles/next/"), expect=302),
        Probe("next article after one", get(editor, f"/articles/{review}/next/"), expect=302),
        Probe("next article in the batch", get(editor, f"/articles/next/?batch={batch}"), expect=302),
        Probe("insights page (every figure)", get(editor, "/insights/")),
        Probe("insights of an import batch", get(editor, f"/insights/?import_batch={batch}")),
        Probe("insights: a figure as CSV (per field)", get(editor, "/insights/fields.csv")),
        Probe("import list (Admin)", get(admin, "/imports/")),
        Probe(f"import batch page ({in_batch} articles)", get(admin, f"/imports/{batch}/")),
        Probe("import batch progress (htmx poll)", get(admin, f"/imports/{batch}/", htmx)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per request type")
    parser.add_argument("--warmup", type=int, default=2, help="untimed requests before them")
    parser.add_argument("--rebuild", action="store_true", help="build the archive again")
    parser.add_argument(
        "--explain", action="store_true", help="EXPLAIN ANALYZE the slowest query of each request type over the goal"
    )
    parser.add_argument("--only", default="", help="only the request types whose name contains this")
    parser.add_argument(
        "--articles", type=int, default=100_000, help="fewer for a quick try; the figures of record are at 100,000"
    )
    args = parser.parse_args()
    logging.getLogger("axes").setLevel(logging.WARNING)  # not a line per force_login
    users = users_ready()
    archive_ready(args.articles, args.rebuild, users)
    vacuum()  # again: a migration may have rewritten rows since the build (0017 set every search document)
    found = counts()
    print(
        f"archive: {found.articles:,} articles ({found.publishers} publishers, {found.batches} import batches), "
        f"{found.quotes:,} quotes ({found.pending:,} pending, {found.reviewed:,} reviewed, {found.events:,} review "
        f"events), {found.speakers:,} speakers; {found.with_40} articles with 40 quotes pending; the speaker page's "
        f"speaker has {found.heavy:,} quotes",
        flush=True,
    )
    # DEBUG off serves static files through the manifest of hashed names, which collectstatic writes.
    call_command("collectstatic", "--no-input", verbosity=0)
    editor, admin = Client(), Client()
    editor.force_login(users.editor)
    admin.force_login(users.admin)
    print(f"\n{args.repeat} requests each after {args.warmup} to warm up; server time in ms, goal {GOAL_MS:.0f} ms")
    print(f"{'request':44} {'n':>3} {'median':>8} {'p95':>8} {'KB':>8} {'SQL':>5} {'slowest':>9}")
    results = []
    # Confirms: the warm-up, the timed ones, the one whose queries are captured, and those of the rounds after.
    measured = [
        probe
        for probe in probes(editor, admin, args.articles // 2, confirms=args.warmup + args.repeat + 1 + AGAIN)
        if args.only in probe.name
    ]
    for probe in measured:
        figures = measure(probe, args.repeat, args.warmup)
        print(figures.line(), flush=True)
        results.append(figures)
    # Serving the archive's pages again and again must not grow the process (bench/load.py measures gunicorn's
    # workers the same way).
    served_mb = resident_mb(os.getpid())
    for _ in range(AGAIN):
        for probe in measured:
            probe.send()
    print(
        f"\nthis process's RSS: {served_mb:.0f} MB once every request type was measured, "
        f"{resident_mb(os.getpid()):.0f} MB after each was sent {AGAIN} times more"
    )
    over = [figures for figures in results if figures.over]
    print(f"\n{len(over)} of {len(results)} request types over the {GOAL_MS:.0f} ms goal")
    for figures in over:
        print(f"\n{figures.name}: slowest query {figures.slowest_ms:.1f} ms: {figures.slowest_sql[:400]}")
        if args.explain:
            for line in explain(figures.slowest_sql):
                print(f"    {line}")


if __name__ == "__main__":
    main()
