"""How an occupation's rated skills, knowledge areas and software read as statements.

Each O*NET skill has the level at which it shows best (reading and listening at entry,
judgement and instructing at the senior rung, managing people and money at the top) and an
action phrase written from O*NET's own description of the skill (Content Model Reference,
CC BY 4.0), with slots for this occupation's people (``{people}``), colleagues
(``{peers}``), the person who directs the work (``{senior}``) and its documents (``{docs}``).
Knowledge areas name their content in a short object phrase, also from O*NET's description.
The statements cite the element and the level scale anchor nearest the occupation's own
rating (see ``ladder.py``).
"""

from __future__ import annotations

import re

from skillsx.models import Level

E, D, P, A = Level.EMERGING, Level.DEVELOPING, Level.PROFICIENT, Level.ADVANCED

# element id -> (level, subject, action)
SKILLS: dict[str, tuple[Level, str, str]] = {
    "2.A.1.a": (
        E,
        "Reading of {docs}",
        "read {docs} closely and confirm what each job requires before starting",
    ),
    "2.A.1.b": (
        E,
        "Active listening",
        "give full attention to what {people} say and ask questions to confirm what is needed",
    ),
    "2.A.1.c": (
        D,
        "Written communication",
        "write clear notes, reports and messages that suit their readers and need no rework",
    ),
    "2.A.1.d": (
        E,
        "Spoken communication",
        "explain routine information clearly to {people} and check that it is understood",
    ),
    "2.A.1.e": (
        D,
        "Measurements and calculations",
        "carry out the calculations the work requires accurately and check results before use",
    ),
    "2.A.1.f": (
        P,
        "Scientific methods",
        "apply scientific rules and methods to investigate problems and test possible solutions",
    ),
    "2.A.2.a": (
        P,
        "Critical thinking",
        "weigh the strengths and weaknesses of alternative approaches before settling on one",
    ),
    "2.A.2.b": (
        D,
        "Active learning",
        "apply new information, methods and rules to current work and adjust own practice",
    ),
    "2.A.2.c": (
        P,
        "Teaching and learning methods",
        "choose training methods that suit each learner when teaching newer {peers}",
    ),
    "2.A.2.d": (
        E,
        "Checks on own work",
        "check own work against the expected result and report mistakes promptly to {senior}",
    ),
    "2.B.1.a": (
        D,
        "Social perceptiveness",
        "observe how {people} react and adapt own approach to keep work on track",
    ),
    "2.B.1.b": (
        P,
        "Coordination with other roles",
        "time and adjust own work around what colleagues in other roles are doing",
    ),
    "2.B.1.c": (
        P,
        "Persuasion",
        "make a reasoned case that brings {people} or colleagues round to a recommended course",
    ),
    "2.B.1.d": (
        A,
        "Negotiation of agreements",
        "bring parties with different interests together and settle agreements both can accept",
    ),
    "2.B.1.e": (
        P,
        "On-the-job instruction",
        "show newer {peers} how to do the work safely and well and check their progress",
    ),
    "2.B.1.f": (
        E,
        "Service orientation",
        "look actively for ways to help {people} and respond to requests promptly and courteously",
    ),
    "2.B.2.i": (
        P,
        "Complex problem solving",
        "define complex problems, gather the facts, weigh options and carry out the best solution",
    ),
    "2.B.3.a": (
        P,
        "Requirements analysis",
        "analyze what users need and turn their requirements into a workable design",
    ),
    "2.B.3.b": (
        A,
        "Technology design",
        "adapt equipment and technology to suit the needs of its users",
    ),
    "2.B.3.c": (
        D,
        "Equipment selection",
        "choose the tools and equipment each job needs and have them ready before work starts",
    ),
    "2.B.3.d": (
        D,
        "Installation to specification",
        "install equipment, machines, wiring or programs so that they meet the specifications",
    ),
    "2.B.3.e": (
        D,
        "Programming",
        "write, test and correct computer programs for the purposes the work requires",
    ),
    "2.B.3.g": (
        E,
        "Operations monitoring",
        "watch gauges, dials and other indicators to confirm that equipment is working properly",
    ),
    "2.B.3.h": (
        D,
        "Operation and control",
        "control equipment and systems through the normal variations of the work",
    ),
    "2.B.3.j": (
        D,
        "Equipment maintenance",
        "carry out routine maintenance and judge when equipment needs further attention",
    ),
    "2.B.3.k": (
        P,
        "Troubleshooting",
        "trace the causes of operating errors and faults and decide on the right correction",
    ),
    "2.B.3.l": (
        D,
        "Repairs to machines and systems",
        "repair machines or systems with the right tools and test them before returning to use",
    ),
    "2.B.3.m": (
        P,
        "Quality control",
        "test and inspect products, services or processes to judge their quality and act on it",
    ),
    "2.B.4.e": (
        P,
        "Judgement and decision making",
        "weigh the costs and benefits of possible actions and choose the most appropriate one",
    ),
    "2.B.4.g": (
        A,
        "Systems analysis",
        "judge how changes in conditions or operations will affect results and plan ahead"
        " accordingly",
    ),
    "2.B.4.h": (
        A,
        "Performance measures",
        "set measures of how well the work performs and decide what must change to improve results",
    ),
    "2.B.5.a": (
        D,
        "Time management",
        "plan own time across competing tasks so that deadlines are met without loss of quality",
    ),
    "2.B.5.b": (
        A,
        "Budgets and spending",
        "decide how money is spent to get the work done and account for the spending",
    ),
    "2.B.5.c": (
        A,
        "Equipment, facilities and materials",
        "obtain the equipment, facilities and materials the work needs and see they are well used",
    ),
    "2.B.5.d": (
        A,
        "Staff development and deployment",
        "develop, direct and motivate {peers}, matching the right people to each job",
    ),
}

# work style name -> (level, subject, action): how the style shows in the work.
WORK_STYLES: dict[str, tuple[Level, str, str]] = {
    "Attention to Detail": (
        E,
        "Attention to detail",
        "check own work for accuracy and completeness before handing over",
    ),
    "Dependability": (
        E,
        "Dependability",
        "keep to agreed times, come prepared and finish assigned work as promised",
    ),
    "Cooperation": (
        E,
        "Cooperation with the team",
        "share tasks willingly with colleagues when the workload peaks",
    ),
    "Integrity": (
        D,
        "Honesty and integrity",
        "act honestly and ethically at work and report own errors openly",
    ),
    "Cautiousness": (
        E,
        "Caution and care",
        "take care to avoid mistakes and hazards and stop to check when unsure",
    ),
    "Empathy": (
        D,
        "Empathy",
        "show understanding of the feelings and concerns of {people} while doing the work",
    ),
    "Adaptability": (
        D,
        "Adaptability",
        "adjust smoothly to changes in priorities, methods and conditions at work",
    ),
    "Stress Tolerance": (
        D,
        "Composure under pressure",
        "stay calm and effective under time pressure and in difficult situations",
    ),
    "Self-Control": (
        D,
        "Self-control",
        "keep emotions in check and respond calmly when {people} or colleagues are upset",
    ),
    "Perseverance": (
        D,
        "Perseverance",
        "keep working through obstacles and setbacks until each job is done properly",
    ),
    "Initiative": (
        D,
        "Initiative",
        "take on new tasks willingly and act on problems without waiting to be told",
    ),
    "Leadership Orientation": (
        P,
        "Willingness to lead",
        "offer opinions and take charge when a situation needs direction",
    ),
    "Achievement Orientation": (
        D,
        "Drive to improve",
        "set challenging goals for own work and keep raising its standard",
    ),
    "Intellectual Curiosity": (
        D,
        "Curiosity about the work",
        "look into new ideas and methods that could improve how the work is done",
    ),
    "Social Orientation": (
        E,
        "Working relationships",
        "build good working relationships and work well alongside colleagues",
    ),
    "Tolerance for Ambiguity": (
        P,
        "Comfort with ambiguity",
        "act sensibly when information is incomplete and the right course is unclear",
    ),
    "Innovation": (
        P,
        "Innovation",
        "develop new ideas and workable alternatives to established methods",
    ),
    "Analytical Thinking": (
        P,
        "Analytical thinking",
        "analyze information logically to get to the root of work problems",
    ),
}

# knowledge element id -> (subject, what the knowledge covers)
KNOWLEDGE: dict[str, tuple[str, str]] = {
    "2.C.1.a": (
        "Management principles",
        "business and management principles, from planning to resource allocation",
    ),
    "2.C.1.b": (
        "Administrative procedures",
        "office procedures, filing systems and records management",
    ),
    "2.C.1.c": (
        "Accounting principles",
        "accounting principles and the reporting of financial data",
    ),
    "2.C.1.d": (
        "Sales and marketing methods",
        "methods for showing, promoting and selling products or services",
    ),
    "2.C.1.e": (
        "Customer service principles",
        "customer service, from assessing needs to meeting quality standards",
    ),
    "2.C.1.f": (
        "Personnel procedures",
        "recruitment, training, pay and labour relations procedures",
    ),
    "2.C.2.a": ("Production processes", "raw materials, production processes and quality control"),
    "2.C.2.b": (
        "Food production methods",
        "techniques and equipment for growing, harvesting and storing food products",
    ),
    "2.C.3.a": (
        "Computers and electronics",
        "computer hardware, software and electronic equipment",
    ),
    "2.C.3.b": (
        "Engineering and technology",
        "the practical application of engineering science and technology",
    ),
    "2.C.3.c": (
        "Technical design",
        "design techniques and principles for technical plans, drawings and models",
    ),
    "2.C.3.d": ("Building and construction", "construction materials, methods and tools"),
    "2.C.3.e": ("Mechanical knowledge", "machines and tools, their uses, repair and maintenance"),
    "2.C.4.a": ("Mathematics", "arithmetic, algebra, geometry and statistics"),
    "2.C.4.b": ("Physics", "physical principles and their practical applications"),
    "2.C.4.c": ("Chemistry", "chemical properties, hazards and safe handling"),
    "2.C.4.d": ("Biology", "living organisms, their tissues, cells and functions"),
    "2.C.4.e": ("Psychology", "human behaviour, motivation and individual differences"),
    "2.C.4.f": ("Sociology and anthropology", "group behaviour, cultures and social trends"),
    "2.C.4.g": ("Geography", "the features of land, sea and air and their locations"),
    "2.C.5.a": ("Medical knowledge", "symptoms, treatments, drug properties and interactions"),
    "2.C.5.b": (
        "Therapy and counselling",
        "methods for treating and rehabilitating physical and mental conditions",
    ),
    "2.C.6": ("Education and training", "teaching methods and the design of instruction"),
    "2.C.8.a": (
        "Public safety and security",
        "safety and security procedures, equipment and policies",
    ),
    "2.C.8.b": ("Law and government", "laws, regulations, court procedures and agency rules"),
    "2.C.9.a": ("Telecommunications", "telecommunications systems and their operation"),
    "2.C.9.b": ("Communications and media", "media production and communication methods"),
    "2.C.10": ("Transportation", "the methods and costs of moving people or goods"),
}

# How each level puts knowledge to work; {what} is the knowledge area's object phrase.
KNOWLEDGE_ACTIONS: dict[Level, tuple[str, ...]] = {
    E: (
        "learn the basics of {what} as they apply to assigned work",
        "build a working grasp of {what} through supervised practice",
    ),
    D: (
        "apply working knowledge of {what} in everyday work",
        "handle the usual variations in the work with sound knowledge of {what}",
    ),
    P: (
        "draw on in-depth knowledge of {what} to resolve complex or unusual cases",
        "apply expert knowledge of {what}, and advise colleagues on difficult cases",
    ),
    A: (
        "keep the team's knowledge current in {what}",
        "act as the team's authority on {what}",
    ),
}

# The entry rung of occupations that need a degree (Job Zones 4-5): the area was learnt
# before the job, so the entrant applies it under review rather than "learns the basics"
# (a reviewer: "graduate engineers already have this").
KNOWLEDGE_GRADUATE_ENTRY = (
    "put formal training in {what} to use on assigned work, checking conclusions with {senior}",
)
KNOWLEDGE_GRADUATE_SITUATED = (
    "apply knowledge of {k} when {doing}, checking conclusions with {senior}"
)

# A knowledge area shown in the occupation's own work: the area's short name ({k}) and the
# words of a DWA title that call for it. O*NET links knowledge to no work activity; these
# links are ours, by the words of the DWA itself (a DWA about patients, drugs or treatment
# calls for medical knowledge), and the statement cites the area, the DWA and its task.
KNOWLEDGE_SITUATED: dict[str, tuple[str, str]] = {
    "2.C.1.a": (
        "planning and managing resources",
        r"budgets?|business plans?|strateg\w+|objectives",
    ),
    "2.C.1.b": ("office procedures and records", r"records?|files|filing|forms|correspondence"),
    "2.C.1.c": (
        "accounting and costing",
        r"financial|budgets?|accounts?|accounting|costs?|payments?|tax|taxes|funds?|invoices?",
    ),
    "2.C.1.d": (
        "sales and marketing methods",
        r"sell|sales|market\w*|promot\w+|advertis\w+|merchandis\w+",
    ),
    "2.C.1.e": ("customer service", r"customers?|clients?|patrons?|guests?|visitors?"),
    "2.C.1.f": ("personnel procedures", r"hire|hiring|recruit\w*|personnel|payroll|benefits"),
    "2.C.2.a": (
        "production processes and quality control",
        r"production|manufactur\w+|raw materials|quality|assembl\w+",
    ),
    "2.C.2.b": (
        "food production methods",
        r"crops?|harvest\w*|livestock|farm\w*|soils?|seeds?|foods?",
    ),
    "2.C.3.a": (
        "computers and electronic equipment",
        r"computers?|software|networks?|electronic\w*",
    ),
    "2.C.3.b": (
        "engineering and technology",
        r"engineering|technical|specifications?|prototypes?",
    ),
    "2.C.3.c": (
        "technical drawings and design",
        r"drawings?|blueprints?|drafting|sketch\w*|layouts?",
    ),
    "2.C.3.d": (
        "construction materials and methods",
        r"construction|concrete|framing|roofs?|roofing|structural|structures?|buildings?|walls?",
    ),
    "2.C.3.e": (
        "machines and their maintenance",
        r"machines?|machinery|engines?|mechanical|motors?|pumps?",
    ),
    "2.C.4.a": (
        "mathematics",
        r"calculat\w+|measurements?|estimat\w+|quantities|dimensions|statistical",
    ),
    "2.C.4.b": (
        "physical principles",
        r"electrical|optical|energy|radiation|pressures?|temperatures?",
    ),
    "2.C.4.c": (
        "chemical properties and hazards",
        r"chemicals?|chemical\w*|solutions|compounds?|reagents?|substances?",
    ),
    "2.C.4.d": (
        "biology",
        r"organisms?|specimens?|cells?|tissues?|biological|species|wildlife|animals?",
    ),
    "2.C.4.e": ("human behavior and motivation", r"behaviou?rs?|behavioral|mental|psychological"),
    "2.C.4.f": ("group behavior and cultures", r"community|communities|cultur\w+|social"),
    "2.C.4.g": ("geography", r"maps?|mapping|terrain|geographic\w*|geological|routes?"),
    "2.C.5.a": (
        "symptoms, treatments and drugs",
        r"patients?|medications?|diagnos\w+|symptoms?|drugs?|dosages?|clinical",
    ),
    "2.C.5.b": (
        "therapy and rehabilitation methods",
        r"therapy|therapies|therapeutic|counsel\w*|rehabilitat\w+|exercises?",
    ),
    "2.C.6": ("teaching methods", r"teach\w*|lessons?|curricul\w+|students?|instruct\w*"),
    "2.C.8.a": (
        "safety and security procedures",
        r"safety|security|emergenc\w+|hazards?|hazardous|fires?",
    ),
    "2.C.8.b": (
        "laws and regulations",
        r"laws?|legal|regulat\w+|courts?|legislat\w+|compliance|permits?",
    ),
    "2.C.9.a": ("telecommunications systems", r"telecommunications?|telephones?|radios?|signals?"),
    "2.C.9.b": ("media and communication methods", r"media|publicity|press|news"),
    "2.C.10": ("transport methods and costs", r"transport\w*|freight|cargo|shipments?|deliver\w*"),
}
# How each level puts a knowledge area to work in the DWA it is shown in.
KNOWLEDGE_SITUATED_ACTIONS: dict[Level, str] = {
    E: "use basic knowledge of {k} when {doing}, asking {senior} about anything unfamiliar",
    D: "apply working knowledge of {k} when {doing}, handling the usual variations unaided",
    P: "draw on in-depth knowledge of {k} for the unusual cases met when {doing}",
    A: "advise colleagues on difficult questions about {k} that arise when {doing}",
}

# Words of a software commodity title -> what this occupation does in it (a verb phrase that
# takes the product as its last word). Software whose use is unclear gets no statement.
TECH_USES: tuple[tuple[str, str], ...] = (
    ("medical", "record and retrieve patient information in"),
    ("customer relationship", "keep customer accounts and contact histories up to date in"),
    ("enterprise resource", "enter, update and look up orders and records in"),
    ("inventory", "record stock movements and check stock levels in"),
    ("point of sale", "process sales, returns and payments on"),
    ("time accounting", "record hours worked and check timesheets in"),
    ("accounting", "record and reconcile transactions in"),
    ("financial analysis", "analyze figures and prepare financial summaries in"),
    ("spreadsheet", "keep, calculate and check figures in"),
    ("word processing", "prepare documents and correspondence in"),
    ("presentation", "prepare presentations and briefing material in"),
    ("electronic mail", "manage correspondence and schedules in"),
    ("calendar and scheduling", "schedule appointments and track work in"),
    ("project management", "plan, schedule and track work in"),
    ("computer aided design", "prepare and revise drawings in"),
    ("analytical or scientific", "analyze data and check results in"),
    ("database user interface", "enter, query and update records in"),
    ("database management", "build and maintain databases in"),
    ("geographic information", "prepare and analyze maps and spatial data in"),
    ("map creation", "prepare and update maps in"),
    ("industrial control", "monitor and adjust processes through"),
    ("graphics or photo", "prepare and edit images in"),
    ("video creation", "produce and edit video in"),
    ("development environment", "write, test and debug code in"),
    ("object or component oriented", "write and test code in"),
    ("web platform", "build and maintain web pages in"),
    ("data base reporting", "produce reports from stored data in"),
    ("business intelligence", "produce reports and dashboards from business data in"),
    ("human resources", "keep staff records and process personnel actions in"),
    ("route navigation", "plan and follow routes with"),
    ("facilities management", "schedule and record maintenance work in"),
    ("tax preparation", "prepare and check tax returns in"),
    ("legal", "prepare, file and track legal documents in"),
    ("instructional", "prepare and deliver course material in"),
    ("computer based training", "prepare and deliver course material in"),
    ("music or sound editing", "record and edit sound in"),
)

# A skill shown in the occupation's own work: the action of SKILLS with ``{doing}``, a DWA of
# this occupation (as a gerund phrase) under one of the work activities O*NET links to the
# skill (Skills to Work Activities), in the order given here: "Social perceptiveness — read
# how guests react when greeting customers, patrons, or visitors, and adjust own approach."
# Only the links where the skill is the point of the work are listed (Active Listening is
# linked to twenty activities, "Updating and Using Relevant Knowledge" among them: "listen
# closely to patients when conducting research" is not what the skill means). Skills whose
# work is the activity itself (maintenance, repairing, learning, checking own work) or that
# O*NET links to nothing (science) keep their plain form.
_PUBLIC = ("4.A.4.a.5", "4.A.4.a.8", "4.A.4.a.7", "4.A.4.a.6", "4.A.4.b.6")
SITUATED: dict[str, tuple[str, tuple[str, ...]]] = {
    "2.A.1.a": (
        "read {docs} closely before {doing}, and ask when anything is unclear",
        ("4.A.2.a.3", "4.A.1.a.1"),
    ),
    "2.A.1.b": (
        "listen closely to {people} when {doing}, and ask questions to confirm needs",
        _PUBLIC,
    ),
    "2.A.1.c": ("write clearly and accurately for the reader when {doing}", ("4.A.3.b.6",)),
    "2.A.1.d": (
        "explain information clearly to {people} when {doing}, and check it is understood",
        ("4.A.4.a.1", *_PUBLIC),
    ),
    "2.A.1.e": (
        "carry out the calculations needed when {doing}, and check results before use",
        ("4.A.1.b.3", "4.A.2.a.2"),
    ),
    "2.A.2.a": (
        "weigh the strengths and weaknesses of alternative approaches when {doing}",
        ("4.A.2.a.4", "4.A.2.b.1", "4.A.2.a.3"),
    ),
    "2.B.1.a": ("read how {people} react when {doing}, and adjust own approach", _PUBLIC),
    "2.B.1.b": (
        "time own work around colleagues in other roles when {doing}",
        ("4.A.4.b.1", "4.A.2.b.5"),
    ),
    "2.B.1.c": (
        "make a reasoned case that brings {people} round when {doing}",
        ("4.A.4.a.6", "4.A.4.b.6", "4.A.4.a.7"),
    ),
    "2.B.1.d": (
        "reconcile differing interests and settle terms both sides accept when {doing}",
        ("4.A.4.a.7",),
    ),
    "2.B.1.f": (
        "look for ways to help {people} when {doing}, and respond promptly",
        ("4.A.4.a.8", "4.A.4.a.5", "4.A.4.a.3"),
    ),
    "2.B.2.i": (
        "define the problem, gather the facts and weigh options when {doing}",
        ("4.A.2.b.1",),
    ),
    # Instruction skills: shown only in the occupation's own core tasks (no DWA activity).
    "2.B.1.e": ("coach newer {peers} in {doing}, checking their progress", ()),
    "2.A.2.c": ("tailor instruction to each new {noun} in {doing}", ()),
    "2.B.3.g": (
        "watch gauges, dials and indicators when {doing}, and report anything abnormal",
        ("4.A.3.a.3", "4.A.3.a.4"),
    ),
    "2.B.3.k": (
        "trace the causes of faults when {doing}, and decide on the right correction",
        ("4.A.3.b.4", "4.A.3.b.5", "4.A.1.b.2"),
    ),
    "2.B.3.m": (
        "judge quality against the standard when {doing}, and act on what is found",
        ("4.A.1.b.2",),
    ),
    "2.B.4.e": (
        "weigh the costs and benefits of possible actions when {doing}",
        ("4.A.2.b.1", "4.A.2.b.4"),
    ),
    "2.B.4.g": (
        "judge how changes in conditions will affect results when {doing}",
        ("4.A.2.b.4", "4.A.2.b.6"),
    ),
    "2.B.5.a": (
        "plan own time when {doing} so that deadlines are met without loss of quality",
        ("4.A.2.b.6", "4.A.2.b.5"),
    ),
    "2.A.2.d": (
        "check own work against the expected result when {doing}, and report mistakes promptly",
        ("4.A.2.a.2", "4.A.3.b.6"),
    ),
    "2.B.5.b": (
        "decide how money is spent and account for the spending when {doing}",
        ("4.A.4.c.3",),
    ),
    "2.B.5.d": (
        "match the right people to each job and keep them motivated when {doing}",
        ("4.A.4.c.2", "4.A.4.b.4"),
    ),
    "2.A.2.b": (
        "apply new information and methods when {doing}, and adjust own practice",
        ("4.A.2.b.1",),
    ),
    # The work itself, as its verb phrase ({vp}), for skills that are the work: only DWAs
    # whose verb is the skill's own (SITUATED_VERBS).
    "2.B.3.l": (
        "{vp}, and test the work before the equipment goes back into use",
        ("4.A.3.b.4", "4.A.3.b.5"),
    ),
    "2.B.3.j": (
        "{vp} on schedule, and report anything that needs more than routine care",
        ("4.A.3.b.4", "4.A.3.b.5"),
    ),
    "2.B.3.h": (
        "{vp}, adjusting controls through the normal variations of the work",
        ("4.A.3.a.3", "4.A.3.a.4"),
    ),
}
SITUATED_VERBS: dict[str, frozenset[str]] = {
    "2.B.3.l": frozenset("repair replace rebuild overhaul fix restore".split()),
    "2.B.3.j": frozenset("maintain lubricate service clean".split()),
    "2.B.3.h": frozenset("operate control drive adjust".split()),
}

# What a DWA must say before a skill or style is shown in it: the activity O*NET links to the
# skill is broad ("Inspecting Equipment, Structures, or Materials" for Troubleshooting holds
# "lubricate production equipment" and "test air quality"), so the work itself must have
# what the skill acts on. Reviewers quoted "trace the causes of faults when lubricating
# production equipment", "read drawings and blueprints closely before researching new
# technologies" and "stay calm under pressure when greeting customers".
_DOCUMENTS = (
    r"\b(?:plans?|drawings?|blueprints?|specifications?|records?|reports?|documents?|orders?|"
    r"charts?|instructions?|manuals?|forms?|files?|contracts?|regulations?|policies|"
    r"applications?|schedules?|invoices?|statements?|claims?|prescriptions?|diagrams?|"
    r"schematics?|maps?|logs?|proposals?|legislation|laws?|codes?|standards?|literature)\b"
)
SITUATED_FITS: dict[str, re.Pattern[str]] = {
    "2.A.1.a": re.compile(_DOCUMENTS, re.I),
    "2.B.3.k": re.compile(
        r"^(?:repair|troubleshoot|diagnose|test|service|install|adjust|calibrate|inspect|"
        r"maintain|operate|monitor)\b(?!.*\b(?:air|water|soil|quality|samples?)\b).*\b(?:"
        r"equipment|machine\w*|systems?|engines?|vehicles?|devices?|components?|circuits?|"
        r"instruments?|controls?|mechanisms?|appliances?|motors?|assemblies)\b",
        re.I,
    ),
    "Stress Tolerance": re.compile(
        r"\b(?:emergenc\w*|complaints?|conflicts?|disputes?|crisis|crises|injur\w*|patients?|"
        r"disturbances?|grievances?|hostile|violent|rescue\w*|accidents?|fires?)\b",
        re.I,
    ),
    "Self-Control": re.compile(
        r"\b(?:complaints?|conflicts?|disputes?|disturbances?|grievances?|hostile|violent|"
        r"offenders?|inmates?|suspects?|arguments?|problems)\b",
        re.I,
    ),
}


# Work styles have no O*NET link to work activities: these links are ours, each to the
# activities where the style is what the work asks for (composure where people are cared
# for or conflicts resolved, caution at the controls of machines). The statement cites the
# style and the DWA and task it is shown in.
STYLES_SITUATED: dict[str, tuple[str, tuple[str, ...]]] = {
    "Attention to Detail": (
        "check for accuracy and completeness when {doing}",
        ("4.A.3.b.6", "4.A.2.a.2", "4.A.1.b.2"),
    ),
    "Integrity": (
        "act honestly and report own errors openly when {doing}",
        ("4.A.2.a.2", "4.A.3.b.6"),
    ),
    "Stress Tolerance": (
        "stay calm and effective under pressure when {doing}",
        ("4.A.4.a.5", "4.A.4.a.7", "4.A.4.a.8"),
    ),
    "Self-Control": (
        "keep emotions in check and respond calmly when {doing}",
        ("4.A.4.a.7", "4.A.4.a.8"),
    ),
    "Empathy": (
        "show understanding of the feelings and concerns of {people} when {doing}",
        ("4.A.4.a.5",),
    ),
    "Cautiousness": (
        "take care to avoid mistakes and hazards when {doing}",
        ("4.A.3.a.3", "4.A.3.a.4", "4.A.3.b.4"),
    ),
    "Analytical Thinking": (
        "get to the root of problems logically when {doing}",
        ("4.A.2.a.4",),
    ),
}


# A skill or work style shown in one of the occupation's own tasks, where no DWA under the
# activities O*NET links to it can carry it (most records: time management is linked only to
# planning and scheduling activities, which three occupations in four do not list). The
# task's opening verb must be one where the skill is the point of the work ("plan own time
# when preparing patient charts", never "when supervising staff"); SITUATED_FITS and the
# people check still apply. Reviewers quoted the plain forms word for word across files
# ("Time management — plan own time across competing tasks …" in 218 frameworks).
_MAKE = """prepare process complete produce assemble load unload pack package deliver install
    build construct fabricate cut compile file type transcribe record enter cook bake mix
    finish paint sew stitch weld repair service clean sort label""".split()
_DECIDE = """analyze analyse evaluate assess determine design develop plan select recommend
    review interpret estimate diagnose investigate formulate devise identify examine
    appraise compare prioritize""".split()
SITUATED_TASK_VERBS: dict[str, frozenset[str]] = {
    "2.B.5.a": frozenset([*_MAKE, "schedule", "organize", "coordinate", "write", "draft", "edit"]),
    "2.A.2.b": frozenset(
        "design develop research study plan teach adapt modify revise update create".split()
    ),
    "2.A.2.a": frozenset(_DECIDE),
    "2.B.2.i": frozenset(
        "resolve investigate troubleshoot diagnose solve analyze analyse identify".split()
    ),
    "2.B.4.e": frozenset(
        "determine decide select recommend approve authorize evaluate assess prioritize".split()
    ),
    "2.B.4.g": frozenset("monitor analyze analyse evaluate adjust test forecast model".split()),
    "2.A.2.d": frozenset(
        [*_MAKE, "measure", "calculate", "compute", "verify", "check", "weigh", "count"]
    ),
    "2.B.1.b": frozenset("coordinate collaborate confer consult cooperate liaise".split()),
    "2.B.1.a": frozenset(
        "interview counsel observe assist advise greet serve comfort teach instruct".split()
    ),
    "2.A.1.b": frozenset("interview counsel consult discuss advise answer confer".split()),
    "2.A.1.d": frozenset("explain inform instruct present brief advise answer teach".split()),
    "2.A.1.c": frozenset("write draft prepare document compose edit".split()),
    "2.A.1.e": frozenset("calculate compute measure estimate weigh figure".split()),
    "2.B.1.c": frozenset("sell promote persuade convince solicit advocate recommend".split()),
    "2.B.1.d": frozenset("negotiate arrange settle bargain mediate".split()),
    "2.B.1.f": frozenset("assist serve help greet provide attend".split()),
    "2.B.3.m": frozenset("inspect test examine check verify grade".split()),
    "2.B.3.k": frozenset("troubleshoot diagnose repair test inspect".split()),
    **SITUATED_VERBS,  # repairing, maintenance and operation: the same verbs as for DWAs
    "Attention to Detail": frozenset(
        [*_MAKE, "measure", "calculate", "verify", "check", "inspect", "examine"]
    ),
    "Integrity": frozenset("record report document count handle collect verify".split()),
    "Cautiousness": frozenset("operate drive handle mix load lift apply spray cut".split()),
    "Analytical Thinking": frozenset(_DECIDE),
    "Stress Tolerance": frozenset("respond treat resolve handle assist rescue".split()),
    "Self-Control": frozenset("respond resolve handle settle mediate".split()),
    "Empathy": frozenset("counsel comfort assist care console listen".split()),
}


# What a skill or work style acts on, named in a task's object rather than its verb: where
# no task opens on one of its SITUATED_TASK_VERBS, a core task that names such a thing may
# show it ("Self-control — keep emotions in check and respond calmly when enforcing courtroom
# rules of behavior"). Each cue is a thing the skill is the point of, never a generic word.
_MET = (
    r"persons|people|public|jur(?:y|ors?)|prisoners?|inmates?|visitors?|passengers?|guests?|"
    r"patrons?|customers?|clients?|patients?|students?|children|residents?|callers?|"
    r"applicants?|audiences?|families|parents"
)
SITUATED_CUES: dict[str, re.Pattern[str]] = {
    key: re.compile(rf"\b(?:{pattern})\b", re.I)
    for key, pattern in {
        "2.B.5.a": r"schedul\w*|deadlines?|appointments?|itinerar\w*|timetables?|dockets?|"
        r"calendars?|work orders?|rush",
        "2.B.2.i": r"problems?|malfunctions?|faults?|defects?|failures?|breakdowns?|"
        r"discrepanc\w*|complaints?|disputes?|grievances?",
        "2.A.2.a": r"alternatives?|options?|feasibility|suitab\w*|whether|best (?:way|method)\w*",
        "2.B.4.e": r"priorit\w*|whether|suitab\w*|eligib\w*|best (?:way|method)\w*",
        "2.B.1.b": r"coordinat\w*|other (?:workers|staff|crews?|teams?|departments?|trades)|"
        r"crews?|team members",
        "2.A.2.b": r"new (?:methods?|techniques?|equipment|products?|procedures?|technolog\w*)|"
        r"developments?|advances",
        "2.A.1.e": r"dimensions?|quantit\w*|weights?|volumes?|doses?|dosages?|measurements?|"
        r"costs?|rates?",
        "2.A.2.d": r"accura\w*|errors?|specifications?|tolerances?|completeness",
        # skills about people: a task that meets people face to face (the verb must be one of
        # such work too: ladder._WITH_PEOPLE)
        **dict.fromkeys(("2.B.1.a", "2.A.1.b", "2.B.1.f", "2.A.1.d"), _MET),
        "Self-Control": r"order|disturb\w*|disruptive|arrests?|prisoners?|inmates?|offenders?|"
        r"suspects?|crowds?|hostile|violent|aggressi\w*|unruly|intoxicated|complaints?|"
        r"disputes?|conflicts?|grievances?",
        "Stress Tolerance": r"emergenc\w*|rescue\w*|injur\w*|accidents?|fires?|trauma\w*|"
        r"critically|crisis|crises|arrests?|disturb\w*|hostile|violent",
        "Integrity": r"cash|money|funds|payments?|evidence|valuables|confidential\w*|"
        r"receipts?|deposits?|ballots?|exhibits|custody",
        "Cautiousness": r"explosives?|hazard\w*|chemicals?|toxic|chain ?saws?|jackhammers?|"
        r"heights?|live (?:wires?|lines?)|high[- ]voltage|firearms?|weapons?|prisoners?|"
        r"sharp|blades?|scaffold\w*|ladders?",
        "Attention to Detail": r"accura\w*|errors?|specifications?|tolerances?|dimensions?|"
        r"outlines?|measurements?|labels?|dosages?",
    }.items()
}


# The kinds of the occupation's own core work (ladder.work_kind) a skill may be shown in where
# neither its verbs nor its cues find a task: judgement skills in its judgement work
# ("Critical thinking — weigh the strengths and weaknesses of alternative approaches when
# selecting trees to be cut down"), instruction in its core work.
SITUATED_KINDS: dict[str, frozenset[str]] = {
    "2.A.2.a": frozenset({"judge"}),
    "2.B.4.e": frozenset({"judge"}),
    "2.B.2.i": frozenset({"judge"}),
    "2.B.4.g": frozenset({"judge"}),
    "2.B.1.e": frozenset({"core", "judge"}),
    "2.A.2.c": frozenset({"core", "judge"}),
}
