"""Statement templates (ours) of the five domains about working with people.

Format (parsed by ``templates.py``): ``L [gates] Title — behaviour.`` with L one of E, D, A, X
(Emerging, Developing, Applying, Exceeding) and indented lines continuing the entry. Gates are
occupation traits (``facts.py``) that must hold, ``!`` for must not. Slots: ``{obj}`` what a
DWA of this occupation acts on (records, things or work, never a problem); ``{record}``,
``{thing}``, ``{equipment}``, ``{issue}`` and ``{hazard}`` objects of that kind only (see
``words.kind_of``); ``{topic}`` what a judgement can be about (records, work, problems);
``{act}`` the DWA as a verb phrase and ``{acting}`` as a gerund; ``{people}`` whom its tasks
serve; ``{peers}`` the colleagues they name; ``{tech}`` its main technology.
"""

COMMUNICATION = """
E Clarifying questions — ask a supervisor to explain unclear instructions for {acting}, and
  repeat the key points back before starting.
E [records] Accurate notes on {record} — write short, factual notes in the agreed format so the
  next person can follow them.
E Attentive listening to {people} — hear each request out without interrupting, note what is
  asked for and pass on anything beyond own role to a supervisor.
E Timely updates to {peers} — say promptly when {acting} is finished, delayed or needs their
  input.
E [physical] Clear words on the job — use the agreed words and signals when {acting} alongside
  {peers}, and confirm instructions before going ahead.
E [care] Saying what happens next — tell {people} in plain words what is about to happen and
  why before {acting}.
E [sell] Friendly first contact — greet {people} promptly, ask what they need and listen before
  suggesting anything.
D Plain explanations of {obj} — use everyday words with {people}, checking that they have
  understood before going further.
D [records] Handover notes on {record} — keep entries clear and complete enough that {peers} can
  act on them without follow-up questions.
D Tone matched to the listener — adjust wording and detail when explaining {obj} to {peers} and
  to {people}.
D [records] Concise written messages — write messages about {acting} that state the point, the
  deadline and who must act.
D Questions that save rework — ask {peers} precise questions about {obj} before starting, rather
  than guessing and redoing the work.
D Instructions read closely — read the work order, specification or notes for each job closely
  before {acting}, and ask about any unclear point.
D Checking understanding — ask {peers} to say back the key points of instructions for {acting}
  before they begin.
D [sell] Honest product explanations — describe the features, costs and limits of {thing} to
  {people} accurately, without overstating what they will do.
D [physical] Reporting faults clearly — describe problems with {equipment} to {peers} precisely:
  what happened, where, and what has been done so far.
D [care] Updates for families — give {people} and their families clear, honest updates on
  {acting}, within the limits of own role.
A Difficult conversations with {people} — stay clear and calm when someone is upset, confirm the
  concern and explain what happens next.
A Briefings on changed methods — brief {peers} when the way to {act} changes, leading with what
  is different and what they must now do.
A [records] Records that stand up to review — keep {record} complete and precise enough to
  serve as evidence in an audit, complaint or handover.
A Listening for the real need — ask open questions and summarise back until the need behind a
  request about {obj} is clear.
A [care] Hard news told with care — explain {issue} to {people} honestly and kindly, checking
  what they have understood and what they want to know.
A [sell] Answering objections — answer objections from {people} about {thing} with facts, and
  accept a clear no without pressure.
A [hazard] Safety-critical messages — give warnings about {hazard} in short, unambiguous words,
  and confirm that {peers} have understood them.
A Explaining decisions — explain the reasons behind decisions on {topic} to {peers}, including
  what was weighed and what would change them.
A Records others can trust — record each step taken to {act}, so that someone new to the case
  could follow what was done and why.
X [pro] Reporting standards for the team — set shared formats and routines for reporting on
  {record} so information reaches {peers} complete and on time.
X Coaching clear explanation — review how newer colleagues explain {obj} and give specific
  feedback on clarity and tone.
X [pro] The team's voice beyond the team — represent the team's view on {obj} to managers,
  partners or the public with accurate, balanced messages.
X Clear messages when things go wrong — lead communication with {people} and {peers} when
  {acting} goes wrong, stating facts, impact and next steps.
X [!pro] Handovers that work — set the routine the team uses to hand over work on {obj} between
  shifts, so nothing urgent is lost.
X [!pro] Speaking for the team — raise the team's practical concerns about {obj} with
  supervisors clearly, constructively and with examples.
X [care] Communication across the care team — lead how the team shares information about
  {people} across shifts and services, so care stays safe and consistent.
X Plain language as the standard — set the expectation that the team writes about {obj} in
  plain, precise language, and show what good looks like.
"""

LEADERSHIP = """
E Ownership of assigned tasks — take responsibility for finishing assigned work such as
  {acting}, and flag early to a supervisor when it is at risk.
E Raising small problems — point out a problem with {obj} to a supervisor and offer a possible
  fix rather than waiting to be asked.
E Example set on routine work — follow agreed procedures for {acting} consistently, including
  when no one is checking.
E Help for newer colleagues — show a newer colleague where to find what they need for
  {acting}, within the limits of own training.
E [physical] A safe, ready work area — leave the tools and work area used for {acting} safe and
  ready for the next person without being told.
D Leading small pieces of work — organise the steps for {acting} with one or two {peers},
  agreeing who does what and by when.
D Proposals for improvement — raise a practical improvement to how the team handles {obj}, with
  a reason and a way to test it.
D [teach] Showing others how — demonstrate to a trainee how to {act} and watch them try it
  before leaving them to work alone.
D Reliable follow-through — keep commitments made to {peers} about {obj} and report progress
  without being chased.
D [people] Seeing requests through — carry a request from {people} through to the end,
  coordinating with others rather than handing it over.
A [manage] Coordinating the team's work — plan and assign work on {obj} across the team,
  balancing workload and skills and adjusting as priorities change.
A Decisions under pressure — make and explain timely calls about {topic} when the situation is
  unclear, and take responsibility for the outcome.
A Developing colleagues — coach {peers} as they learn to {act} in harder cases, giving them more
  responsibility as they show competence.
A Clear expectations — agree expectations for {acting} with the team and address slips promptly
  and fairly.
A [hazard] Stopping unsafe work — halt work on {obj} when conditions become unsafe, even under
  time pressure, and explain why to everyone involved.
A [care] Leading in urgent care — direct the team around {people} in urgent situations, giving
  clear roles and checking that each task is done.
A [sell] Setting the pace on targets — plan how the team will reach its sales goals for {thing},
  and keep effort on the best opportunities.
X [pro] Direction for the function — set goals and priorities for how the organisation handles
  {obj}, and explain the reasons to everyone affected.
X Building future leaders — identify colleagues with potential and give them stretch
  responsibility for {acting}, with structured support.
X [pro] Leading change — lead the adoption of new methods or tools such as {tech} across teams,
  addressing concerns and tracking the results.
X [pro] Accountability across teams — hold teams, own included, to agreed standards for {obj},
  and change systems when the standards keep being missed.
X [!pro] Running the team's day — organise the team's day around {acting}, set the standard for
  quality and safety, and step in when it slips.
X [!pro] The go-to colleague — act as the person others consult on {obj}, settling
  practical questions and passing larger ones to managers.
"""

COLLABORATION = """
E A fair share of the work — complete own part of shared work on {obj} on time so {peers} are
  not left waiting.
E Offering help — offer help to {peers} with {acting} when own tasks are done, asking how they
  want it done.
E Knowing who does what — learn what {peers} are responsible for and route questions about
  {obj} to the right person.
E Sharing information — pass on information about {obj} that others need, promptly and
  accurately.
E [physical] Working safely side by side — coordinate movements and timing with {peers} when
  {acting}, so no one is put at risk.
D Coordinating with other roles — agree timing and handoffs with {peers} when {acting} depends
  on their work.
D Working through disagreement — raise disagreements about {obj} directly and respectfully, and
  look for a solution both sides can accept.
D Working relationships — keep regular, constructive contact with {peers} and {people} involved
  in {acting}.
D Taking on team feedback — accept input from {peers} on how own work on {obj} could improve,
  and act on it without defensiveness.
D [care] Joined-up care — agree with {peers} who does what when {acting}, so {people} receive
  consistent care.
A Joint problem solving — bring {peers} and other specialists together to solve problems with
  {obj} that no single role can solve alone.
A Resolving team conflict — help colleagues settle conflicts over priorities or methods for
  {acting} by focusing on shared goals.
A Partnering with {people} — share decisions about {topic} with those they affect, explaining
  the options and trade-offs.
A Smooth handoffs between teams — design handoff routines for {obj} with neighbouring teams so
  nothing is lost or duplicated.
A [conflict] Brokering agreement — help {people} and {peers} with opposing views on {obj} find
  terms both sides can accept.
A Sharing the load fairly — notice when {peers} are overloaded with {acting}, and rebalance the
  work before quality slips.
X [pro] Partnerships across organisations — build lasting partnerships with other
  organisations or departments around {obj}, with shared goals and clear roles.
X A culture of mutual support — shape team norms where asking for and giving help with
  {acting} is expected and recognised.
X [pro] Structures for teamwork — set up shared plans, meetings and tools such as {tech} so
  teams can coordinate their work on {obj}.
X [pro] Negotiating across interests — broker agreements on {obj} between groups with competing
  interests, keeping relationships intact.
X [!pro] Pulling the team together — organise how {peers} share the work of {acting} on a busy
  day, so everything is covered and no one is overloaded.
X [!pro] Welcoming new team members — pair new starters with experienced {peers} and make sure
  they are included in the team's work on {obj}.
"""

CHARACTER = """
E Honesty about own work — report own errors in {acting} promptly and truthfully, even when no
  one else has noticed.
E Dependable effort — arrive ready, finish assigned work such as {acting}, and tell a
  supervisor early if plans change.
E Respect for the rules — follow safety, privacy and quality rules for {acting} as written, and
  ask when a rule is unclear.
E Courtesy to everyone — treat {people} and {peers} with the same respect, whoever they are and
  however they behave.
E [sell] Honest selling — describe {thing} truthfully to {people}, including limits and costs,
  even when it may lose a sale.
E [physical, hazard] No shortcuts on safety — use the required protective equipment and checks
  when {acting}, even when rushed or unobserved.
D [records] Keeping confidences — protect confidential details met while {acting}, sharing
  them only with those entitled to them.
D Owning outcomes — take responsibility for the results of own work on {obj}, including fixing
  what went wrong.
D Fair treatment — give all {people} the same care and attention, whatever their background or
  manner.
D Consistent standards — meet the same quality standard in {acting} whether the work is
  watched, rushed or routine.
D [care] Dignity and privacy — protect the dignity and privacy of {people} when {acting},
  explaining each step and asking consent.
D Keeping own word — do what was agreed with {peers} on {obj}, on time, or say early and
  honestly when it cannot be done.
D Credit where due — acknowledge what {peers} contribute to work on {obj}, and never present
  their work as own.
A Speaking up about concerns — raise concerns about unsafe, unfair or dishonest practice in
  {acting} through the proper channels, even when it is uncomfortable.
A Ethical judgement in grey areas — weigh duties to {people}, colleagues and the organisation
  when the rules give no clear answer on {acting}.
A Trust built over time — keep promises to {peers} and {people}, and say plainly what cannot be
  delivered.
A [records] Transparent records — keep {record} complete and true, never adjusted to look
  better.
A Holding the line on standards — keep to the agreed standard for {acting} when deadlines or
  colleagues push for a shortcut, and explain why.
A Honest about limits — say plainly when work on {obj} is beyond own competence or time, and
  arrange for someone able to do it properly.
A [pro] Declaring conflicts of interest — declare any personal interest in decisions about
  {topic}, and step aside where it could sway own judgement.
A Fairness in judgement — judge {topic} on the facts, setting aside personal likes, dislikes and
  pressure from others.
X [pro] Setting the ethical tone — model and reinforce integrity in how the team handles {obj},
  and act on breaches fairly and visibly.
X [pro] Policies that protect people — shape policies on {obj} that protect {people}, staff and
  the public, and check that they work in practice.
X [pro] Accountability at the top — accept responsibility for failures in the team's work on
  {obj}, and lead the response rather than assigning blame.
X Guidance on professional conduct — guide {peers} through the ethical dilemmas they meet when
  they {act}.
X [!pro] A standard others follow — show newer colleagues by example how to {act} honestly and
  carefully, and correct shortcuts firmly but kindly.
X [!pro] Owning the team's mistakes — own up to the team's errors in {acting} and make sure they
  are put right, without shifting blame.
"""

MINDFULNESS = """
E Full attention on the task — keep attention on {acting}, setting aside distractions such as
  phones and side conversations.
E Noticing own reactions — recognise signs of own frustration or fatigue while {acting}, and
  pause briefly before continuing.
E [physical] Awareness of surroundings — stay aware of people, equipment and hazards nearby
  while {acting}.
E Attentive presence with {people} — give full attention to whoever is speaking, noticing tone
  and body language as well as words.
E [hazard] Alert to danger — stay watchful for {hazard}, and stop to report anything that looks
  wrong before work continues.
D Steadiness when rushed — stay calm and deliberate when {acting} becomes rushed, keeping to
  safe steps.
D Reading the room — notice how {peers} and {people} are reacting while {acting}, and adjust own
  approach accordingly.
D [physical] Careful observation of {equipment} — watch closely during use for early signs of
  wear or trouble, and record what is seen.
D [care] Careful observation of {people} — watch closely for early signs of change or distress,
  and record what is seen.
D A pause before responding — take a moment to consider before responding to criticism or
  complaints about {obj}.
D Detail kept in view — keep checking the details when {acting}, even when the work feels routine
  and small slips are easy to miss.
D Noticing the effect on others — notice how own pace and manner while {acting} affect {peers},
  and adjust before it causes friction.
A Composure in critical moments — keep own emotions in check during tense or urgent moments in
  {acting}, so judgement stays clear.
A Empathy with restraint — acknowledge the feelings of {people} while keeping decisions about
  {topic} fair and professional.
A Sustained vigilance — keep careful attention through long or repetitive spells of {acting},
  using short checks to stay alert.
A Managing own wellbeing — use rest, reflection and support to keep the energy needed for
  demanding work such as {acting}.
A [care] Compassion without burnout — stay kind with {people} in distress while keeping enough
  distance to go on caring well.
A Deliberate pauses before key steps — stop briefly before the critical steps of {acting} to
  confirm that everything is in place.
A Present through long days — keep full attention on each task in turn during long days of
  {acting}, rather than rushing ahead to the next.
X A calm team climate — model calm, respectful behaviour when {acting} comes under pressure, and
  encourage it in others.
X Attention to team wellbeing — notice signs of stress or burnout among {peers}, and adjust
  workload or support early.
X [pro] Unhurried high-stakes decisions — slow down decisions about {topic} when the stakes are
  high, consulting and reflecting before committing.
X Routines that protect focus — design schedules, breaks and handoffs for {acting} that reduce
  errors from fatigue and distraction.
"""
