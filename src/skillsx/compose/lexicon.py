"""Word lists the grounded composer and the validator share.

Written by hand for O*NET's register: task statements are imperative sentences that open
with a base-form verb ("Inspect welds ..."), so a short lexicon covers them.
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas


@lru_cache(maxsize=131072)
def all_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's ``getAllLemmas``, cached: lemminflect deep-copies its tables on every
    call, which was a fifth of a build's compose time. Callers only read the result."""
    return getAllLemmas(word)


# Every base-form verb that opens an O*NET 30.1 task or DWA, plus the verbs the composer
# itself writes. Used to split a task into verb and object and to check action phrases.
BASE_VERBS = frozenset(
    ["practise", "try", "smoke", "tenderize", "tenderise", "bone", "lace", "debone", "fillet"]
    + """
accept access accompany acquire act activate adapt add address adhere adjust administer admit
advance advertise advise advocate affix agree aid alert align allocate allow alter analyze anchor
anesthetize anneal announce answer anticipate appear apply appoint apportion appraise apprehend
approve arbitrate archive arrange arrest ascertain ask assemble assess assign assimilate assist
attach attempt attend audit audition authenticate authorize automate award back backfill bag bake
balance baste bathe become bell bend bill bind blast bleach blend block blow bolt bond book bore
brace brand braze break brew brief bring broadcast brush buckle budget buff build bundle butcher
buy cable calculate calibrate call cancel cap capture care carry carve cash cast catalogue cement
chain chair challenge change chaperone characterize chart check chip choose chop choreograph
circulate claim clamp classify clean cleanse clear climb clip close co-pilot coach code
collaborate collate collect comb combine comfort comment communicate compact compare compile
complete comply compose compound compress compute conceal conceptualize conduct confer configure
confirm confiscate conform connect conserve consider consolidate construct consult contact
contract contribute control converse convert convey cook cool cooperate coordinate copy correct
correlate correspond counsel count countersink couple cover crank create crossbreed cue cultivate
cure curl customize cut date-stamp de-grease deal debate debit debug decide decline decontaminate
decorate decrease define defrost delegate delineate deliver demagnetize demonstrate deposit
depress descend describe design designate detain detect determine develop devise diagnose diagram
dig dip direct disable disassemble disburse discard discharge discipline disclose disconnect
discuss disinfect dislodge dismantle dismount dispatch dispense display dispose disseminate
distinguish distress distribute divide do dock document download draft drain drape draw dress
drill drive dry dump duplicate dust dye earn edit educate eliminate embalm embed emphasize employ
empty encode encourage encrypt enforce engage engineer engrave enhance enroll ensure enter
entertain erect escalate escort establish estimate etch euthanize evacuate evaluate examine
excavate exchange execute exercise exhibit expand experiment explain explore expose extend
extinguish extract fabricate facilitate fasten feed feel fight file fill find finish fire fit fix
flag flush fly fold follow force forecast form format formulate forward frame freeze fulfill
furnish garnish gather gauge generate give glaze glue govern grade grant grease greet grill grind
groom guard guide hammer hand handle hang harmonize harvest haul hear heat heat-treat help herd
hire hoist hold homogenize hone host identify idle ignite immerse immobilize immunize implement
import impose imprint improve improvise incise incorporate increase indicate induce inflate inform
initiate inject inoculate input inquire insert inspect install institute instruct insure integrate
interact interpret interrupt intervene interview interweave introduce invent inventory investigate
involve iron irrigate isolate issue itemize jab join judge keep key kill kindle label laminate lay
layout lead learn leave lend let level liaise license lift light line link list listen load
locate lock log look lower lubricate machine mail maintain make manage maneuver manipulate map
mark market mask massage match measure mediate meet melt memorize mentor merchandise merge mix
model moderate modify moisten mold monitor mop mount move mow nail navigate negotiate network
neutralize nominate note notify obey observe obtain offer officiate oil open operate optimize
order organize orient outline overhaul oversee own pack package page paint park participate pass
pat patch patrol pay peel perforate perform persuade photograph pick piece pierce pilot place plan
plant plate play plot plug polish portion portray pose position post pour practice pray pre-cook
pre-soak precast predict preheat prepack prepare preprocess prescribe present preserve preside
press pretest prevent preview price prime print prioritize probate process procure produce program
promote proofread propose protect provide prune pry publicize publish pull pulverize pump punch
purchase purge push put quantify question quote radio raise rake rate ravel raze re-sew read
reassemble reassure rebuild receive recognize recommend reconcile recondition reconstruct record
recover recruit redesign reduce reel reengineer reface refer refill refine refinish reformat
refuel refuse register regulate reinforce reinstall reject relay release reline remind remount
remove render renew rent reorganize repair replace replenish replicate report reposition
represent reprint reproduce request requisition rescue research reserve reset reshape resolve
respond restage restock restore restrain restrict resurface retouch retract retrain retrieve
retrofit return review revise revisit rewind rewire rework rewrap rewrite ride rinse rivet roll
rotate rough roughen rout route rub rule run salvage sample sand sandblast sanitize saw scale scan
schedule score scrape screed screen scribe script scrub seal search season seat secure seek
segregate seize select sell send sentence separate serve service set settle sever sew shackle
shade shampoo shape share sharpen shave shift shop shovel show shrink shrink-fit shut sift
sight-read sign signal simulate sing sketch skim skin slaughter slice slide slit smooth soak
soften solder solicit solve sort space speak specialize specify splice split sponsor spot spray
spread sprinkle stabilize stack stain stamp stand standardize staple start stay steady
steam-clean steer stencil sterilize stir stitch stock stop store straighten stretch strike string
strip study stun subcontract submit subpoena substitute suggest summarize summon superimpose
supervise supply support survey suspend suture swab sweep switch synchronize synthesize tack-weld
tag tailor take talk tap tape taste teach tear telephone tell tend terminate test testify thin
thread ticket tie tighten tilt time tint total tour tow trace track train transcribe transfer
translate transmit transplant transport transpose travel treat trim troubleshoot tune turn tutor
type typeset unbolt unclamp undress unload unlock unpack unroll unscrew unwind update upgrade
upload use usher utilize vacuum validate vary verify view visit visualize vote walk warn wash
watch water waterproof wear weigh weld wet whiten wind wipe wire withdraw witness work wrap write
roast broil fry saute poach boil sear simmer whip knead braise toast grate dice mince steam
seed stuff
fillet marinate escalate govern own uncouple know understand organise untangle tackle
structure streamline project
""".split()
)

# Verbs that are at least as often nouns at the start of a noun phrase ("Work orders",
# "Repair records"): a subject may open with one of these.
NOUNISH_VERBS = frozenset(
    """
smoke bone lace fillet
back bag balance bill block bolt bond book budget cable cap care cash cast catalogue cement
chain chair change chart check chip claim code comment compound contract control cook copy cover
cue cure cut date-stamp deal debate design display document drain draft dress drill drive dump
dust dye
estimate exchange exercise experiment file finish fire fix flag form format frame glaze grade
guard guide hand harvest heat hold host inventory iron issue key label layout lead level light
line link list load lock log look machine mail map mark market mask massage match model mold mop
nail network note oil order outline pack package page paint park pass patch patrol pay pick piece
place plan plant plate plot plug polish pose position post practice press price print process
program pump punch pilot contact purchase quote radio rake rate record reel release report
request research
reserve return review ride roll rough rule run sample saw scale scan schedule score screen script
seal season seat service set shade shampoo shape share shift shop show sign signal sketch skin
slice slide sort space splice split spot spray spread stack stain stamp stand staple start steer
stencil stock stop store strike string strip study supply support survey swab switch tag tap tape
taste tear telephone test thread ticket tie tilt time tint total tour trace track train transfer
transport travel treat trim tune turn type update upgrade vacuum view visit vote walk wash
watch water wear weld wind wire work wrap
""".split()
)

ADVERBS = frozenset(
    "electronically intravenously manually postoperatively remotely surgically visually "
    "personally physically orally routinely periodically regularly independently".split()
)

PARTICLES = frozenset({"up", "out", "down", "off", "away", "back"})

# Prepositions that a verb takes before its object ("Confer with", "Participate in").
VERB_PREPOSITIONS = frozenset(
    {"with", "in", "to", "for", "on", "as", "at", "into", "from", "about", "upon"}
)

DETERMINERS = frozenset(
    "the a an all any each every some their its his her his/her our such".split()
)

# Heads of noun phrases that name people: a subject about people reads better as a
# nominalised activity ("Consultations with potential customers").
PERSON_NOUNS = frozenset(
    """
customer customers client clients patient patients student students employee employees worker
workers staff staffs personnel member members manager managers supervisor supervisors official
officials public people person persons individual individuals child children resident residents
guest guests passenger passengers visitor visitors user users participant participants applicant
applicants trainee trainees subordinate subordinates colleague colleagues physician physicians
doctor doctors nurse nurses dealer dealers distributor distributors vendor vendors supplier
suppliers contractor contractors owner owners family families parent parents others crew crews
team teams buyer buyers seller sellers tenant tenants inmate inmates offender offenders victim
victims witness witnesses suspect suspects attorney attorneys judge judges officer officers
learner learners volunteer volunteers donor donors player players athlete athletes audience
audiences author authors artist artists engineer engineers technician technicians therapist
therapists specialist specialists agency agencies department departments organization
organizations representative representatives coworker coworkers co-workers stakeholders
stakeholder partner partners consumer consumers caregiver caregivers pupil pupils patron patrons
diner diners traveler travelers prospect prospects management supervisor heads boards
accountants actors administrators advisors agents aides analysts architects assistants
attendants auditors bakers barbers bartenders brokers butchers carpenters cashiers caterers chefs
chemists clerks cooks counselors couriers curators dancers dentists designers detectives
developers dietitians dispatchers drivers economists editors educators electricians executives
farmers firefighters guards hygienists installers instructors interpreters investigators janitors
journalists laborers lawyers librarians machinists mechanics musicians paramedics pharmacists
photographers pilots plumbers programmers psychologists receptionists reporters researchers
scientists secretaries surgeons surveyors tellers translators veterinarians waiters
waitresses welders writers groups consultants
committees superior superiors professionals guardians coaches trainers parties teachers faculty
""".split()
)

# Nouns of work units a person at a level is responsible for, in order of preference.
UNIT_NOUNS = (
    ("patient", "patients"),
    ("student", "students"),
    ("client", "clients"),
    ("customer", "customers"),
    ("account", "accounts"),
    ("case", "cases"),
    ("project", "projects"),
    ("job", "jobs"),
    ("order", "orders"),
    ("shipment", "shipments"),
    ("vehicle", "vehicles"),
    ("site", "sites"),
    ("class", "classes"),
)

# Heads that name a place of work; "in/at/on <place>" phrases in the brief become settings.
PLACE_NOUNS = frozenset(
    """
site sites facility facilities plant plants shop shops store stores office offices kitchen
kitchens restaurant restaurants hospital hospitals clinic clinics ward wards unit units room rooms
area areas warehouse warehouses yard yards field fields mine mines farm farms school schools
classroom classrooms laboratory laboratories lab labs vessel vessels ship ships aircraft airport
airports station stations terminal terminals building buildings home homes residence residences
court courts courtroom courtrooms theater theaters studio studios floor floors line lines
hotel hotels bank banks library libraries center centers centre
centres premises workshop workshops garage garages dock docks port ports pharmacy pharmacies
community communities territory territories market markets vehicle vehicles truck trucks routes
route construction institution institutions prison prisons jail jails park parks forest forests
""".split()
)

# Nominal forms of common task verbs, for subjects naming an activity ("Budget preparation").
NOMINALS = {
    "advise": "advice",
    "analyze": "analysis",
    "administer": "administration",
    "approve": "approval",
    "assemble": "assembly",
    "assess": "assessment",
    "assign": "assignment",
    "assist": "assistance",
    "audit": "audits",
    "calibrate": "calibration",
    "clean": "cleaning",
    "collaborate": "collaboration",
    "collect": "collection",
    "communicate": "communication",
    "compile": "compilation",
    "confer": "consultations",
    "consult": "consultations",
    "construct": "construction",
    "coordinate": "coordination",
    "counsel": "counselling",
    "create": "creation",
    "deliver": "delivery",
    "demonstrate": "demonstrations",
    "design": "design",
    "determine": "determination",
    "develop": "development",
    "diagnose": "diagnosis",
    "direct": "direction",
    "distribute": "distribution",
    "document": "documentation",
    "educate": "education",
    "evaluate": "evaluation",
    "examine": "examination",
    "explain": "explanations",
    "fabricate": "fabrication",
    "greet": "greeting",
    "identify": "identification",
    "inform": "briefings",
    "inspect": "inspection",
    "install": "installation",
    "instruct": "instruction",
    "interview": "interviews",
    "investigate": "investigation",
    "maintain": "upkeep",
    "manage": "management",
    "measure": "measurement",
    "meet": "meetings",
    "monitor": "monitoring",
    "negotiate": "negotiation",
    "observe": "observation",
    "operate": "operation",
    "order": "ordering",
    "organize": "organization",
    "oversee": "oversight",
    "participate": "participation",
    "perform": "performance",
    "plan": "planning",
    "prepare": "preparation",
    "prescribe": "prescribing",
    "process": "processing",
    "produce": "production",
    "provide": "provision",
    "purchase": "purchasing",
    "recommend": "recommendations",
    "record": "records",
    "recruit": "recruitment",
    "repair": "repair",
    "replace": "replacement",
    "report": "reporting",
    "research": "research",
    "resolve": "resolution",
    "respond": "responses",
    "review": "review",
    "schedule": "scheduling",
    "select": "selection",
    "sell": "sales",
    "serve": "service",
    "supervise": "supervision",
    "supply": "supply",
    "teach": "teaching",
    "test": "testing",
    "train": "training",
    "transport": "transport",
    "treat": "treatment",
    "verify": "verification",
    "visit": "visits",
    "write": "writing",
    "align": "alignment",
    "mark": "marking",
    "connect": "connection",
    "attach": "attachment",
    "melt": "melting",
    "grind": "grinding",
    "ignite": "ignition",
    "locate": "location",
    "obtain": "acquisition",
    "exchange": "exchanges",
    "describe": "descriptions",
    "ticket": "ticketing",
    "inventory": "inventory counts",
    "represent": "representation",
    "refer": "referrals",
    "support": "support",
    "attend": "attendance",
    "follow": "adherence",
    "comply": "compliance",
    "enforce": "enforcement",
    "ensure": "assurance",
    "conduct": "conduct",
    "escort": "escort",
    "guide": "guidance",
    "help": "help",
    "talk": "conversations",
    "discuss": "discussions",
    "contact": "contact",
    "notify": "notifications",
    "present": "presentations",
    "answer": "answers",
    "encourage": "encouragement",
    "mentor": "mentoring",
    "coach": "coaching",
    "tutor": "tutoring",
    "lead": "leadership",
    "hire": "hiring",
    "dispatch": "dispatch",
    "load": "loading",
    "unload": "unloading",
    "drive": "driving",
    "move": "movement",
    "transfer": "transfer",
    "position": "positioning",
    "feed": "feeding",
    "bathe": "bathing",
    "dress": "dressing",
    "cook": "cooking",
    "mix": "mixing",
    "cut": "cutting",
    "weld": "welding",
    "paint": "painting",
    "estimate": "estimates",
    "calculate": "calculation",
    "compute": "calculation",
    "update": "updates",
    "modify": "modification",
    "adjust": "adjustment",
    "set": "setting",
    "set up": "setup",
    "check": "checks",
    "count": "counts",
    "weigh": "weighing",
    "sort": "sorting",
    "pack": "packing",
    "store": "storage",
    "stock": "stocking",
    "receive": "receipt",
    "issue": "issue",
    "sign": "signing",
    "photograph": "photography",
    "program": "programming",
    "code": "coding",
    "debug": "debugging",
    "configure": "configuration",
    "integrate": "integration",
}
