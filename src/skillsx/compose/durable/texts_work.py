"""Statement templates (ours) of the five domains about thinking, learning and persisting.

Same format and slots as ``texts_people.py``.
"""

METACOGNITION = """
E Checking own understanding — restate the steps needed to {act} before starting, and ask about
  any gap in own understanding.
E Noticing own mistakes — review finished work on {obj} against the instructions and note where
  and why errors occurred.
E Planning the working day — list the day's tasks in order of urgency, including {acting}, and
  check the plan with a supervisor.
E Learning from feedback — write down feedback received on {acting} and try the suggested
  change on the next similar task.
E [physical] Knowing own limits — recognise when a task with {thing} is beyond own training or
  strength, and ask for help before starting.
D Self-checks before sign-off — use a personal checklist to verify {obj} before handing the work
  over, and refine the checklist as errors appear.
D Knowing when to ask — recognise the limits of own knowledge of {obj} and seek advice before a
  guess becomes a risk.
D Prioritising competing demands — weigh urgency and impact when {acting} clashes with other
  work, and explain the order chosen.
D Reflection after unusual cases — after an unusual problem with {obj}, note what worked, what
  did not and what to do differently.
D [analysis] Spotting own bias — check whether a conclusion drawn from {record} rests on the
  data or on what was expected to be found.
D [care] Own feelings kept in view — notice when tiredness or feelings about {people} start to
  shape own judgement, and correct course.
A Reasoning made visible — explain to {peers} the reasoning behind a judgement about {topic},
  including the evidence weighed and the doubts remaining.
A Checking first impressions — test first impressions about {issue} against data or a second
  opinion before acting on them.
A Methods adapted to the case — change approach when the usual way to {act} is not working, and
  record why the change was needed.
A Managing attention and load — schedule demanding work such as {acting} for when focus is
  highest, and add checks when fatigue or interruptions rise.
A [pro] Reviewing own decisions — compare own past decisions on {obj} with their outcomes, and
  adjust own rules of thumb where they misled.
X Reviews that improve practice — run structured reviews of {acting} so the team learns from
  both successes and errors.
X Teaching how to learn — help {peers} build their own methods for learning to {act}, rather
  than memorising steps.
X [pro] Questioning established routines — examine whether long-standing ways of handling {obj}
  still fit current evidence, and lead changes where they do not.
X [pro] Judgement under uncertainty — decide complex questions about {topic} with explicit
  assumptions, and revisit them as results arrive.
X [!pro] Passing on know-how — show newer colleagues how an experienced worker thinks through
  {acting}: what to check first and which signs matter.
"""

CRITICAL_THINKING = """
E Checking facts before acting — compare {obj} against the instructions or records provided and
  report any mismatch to a supervisor.
E Recognising the unusual — notice when something about {obj} looks different from normal and
  describe the difference precisely.
E Understanding the reasons for steps — learn why each step in {acting} is done, not just the
  order of the steps.
E Reliable sources — look up standards, manuals or records to answer routine questions about
  {obj} instead of relying on memory.
E [physical] Checks before use — inspect {equipment} before use and set aside anything damaged,
  worn or out of specification.
D Causes of routine problems — trace a recurring problem with {obj} back to its likely cause
  before applying a fix.
D Weighing options — compare two or three ways to {act}, noting the cost, risk and benefit of
  each before choosing.
D [analysis] Careful reading of data — interpret the figures in {record}, separating clear
  trends from one-off variation.
D Questioning incomplete information — ask for the missing detail when information about {obj}
  is incomplete or conflicting, rather than assuming.
D [care] Noticing what does not fit — compare what {people} report with what is observed, and
  follow up on any gap.
D [sell] Reading what customers need — work out from questions and hesitation which {thing}
  would really suit {people}, not just the first match.
A Diagnosing complex problems — analyse {issue} with several possible causes, testing each in
  turn against the evidence.
A Decisions with partial data — make sound judgements on {topic} when information is partial,
  stating the assumptions and the risk accepted.
A Evaluating results — check whether {acting} achieved its purpose, using measurable evidence
  rather than impressions.
A [pro] Challenging weak arguments — point out gaps or bias in proposals about {topic}, and say
  what evidence would settle the question.
A [physical] Troubleshooting — trace faults in {equipment} to their source, ruling out
  possibilities one at a time before replacing parts.
A Testing the likely explanation — check the most likely explanation for a problem in {acting}
  against the facts before acting on it, and try the next if it fails.
A Quality judged on evidence — judge the quality of {obj} against agreed standards and
  measurements rather than habit or appearance.
X [pro] Analysis that shapes decisions — frame the key questions about {topic} for leaders and
  bring together evidence from several sources to answer them.
X [pro] Testing assumptions at scale — review the assumptions behind standard practice for
  {acting} and commission checks where the evidence is weak.
X [pro] A systems view of problems — map how {acting} affects other teams and outcomes, and
  redesign routines to remove root causes.
X [pro] Building analytical habits — teach {peers} structured methods for solving problems with
  {obj} and reviewing decisions.
X [!pro] Finding the root cause — lead the team in tracing repeated problems in {acting} to their
  source, and fix the cause rather than the symptom.
X [!pro] Teaching the checks that matter — show newer colleagues which checks on {obj} catch
  most problems, and why each one is done.
X [!pro] Fixes the whole team can use — record fixes for common problems with {obj} where the
  whole team can find and use them.
"""

CREATIVITY = """
E Noticing better ways — note small ideas that would make {acting} easier or safer, and share
  them with a supervisor.
E Curiosity about methods — ask why the team handles {obj} the way it does, to understand the
  purpose behind the method.
E Trying suggested improvements — try a new method for {acting} when asked, and report honestly
  how it worked.
E [physical] Resourceful fixes — find a simple, safe workaround when the usual tools or
  materials for {acting} are missing, and check it with a supervisor.
E [creative] Sketching ideas early — put rough ideas for {obj} on paper or screen quickly, and
  show them before polishing.
D More than one option — come up with more than one way to {act} when the standard approach does
  not fit the case.
D Approaches tailored to {people} — adapt the standard way of {acting} to the needs of each
  person, and note what worked.
D Small experiments — test a change to how the team handles {obj} on a small scale and compare
  the result with the usual method.
D Inventive use of tools — find new uses of {tech} that save time or improve quality in
  {acting}.
D [sell] Fresh ways to present — find new ways to show {people} what {thing} can do for them,
  and keep what works.
A Solutions for new problems — design workable solutions for {issue} that existing procedures
  do not cover.
A Solutions beyond the manual — find a workable way forward when {acting} meets a case that
  existing procedures do not cover.
A Ideas from elsewhere — borrow methods from other fields or teams and adapt them to improve
  how the team handles {obj}.
A Better processes — redesign a routine for {acting} to remove waste or risk, and win support
  from {peers} for the change.
A Room for others' ideas — invite and build on ideas from {peers} about {obj} instead of
  defaulting to the familiar method.
X [pro] Innovation with purpose — lead the development of new services, methods or products
  around {obj} that meet emerging needs.
X Safe ways to experiment — create safe ways for the team to try new approaches to {acting},
  with clear limits and honest review.
X [pro] Strategic reinvention — rethink how the organisation goes about {acting} in response to
  new technology, demand or regulation.
X Ideas into practice — take promising ideas about {obj} from trial to standard practice,
  securing resources and training.
X [!pro] Improvements the team adopts — turn the team's best practical ideas for {acting} into
  the new routine, showing others how and why it works.
"""

GROWTH_MINDSET = """
E Welcoming correction — accept corrections on {acting} as a chance to improve, and ask how to
  do it better next time.
E Building the basics — practise the core steps to {act} until they are reliable, seeking extra
  practice where needed.
E Learning the tools — learn the basic functions of {tech} used in daily work through guides,
  training and practice.
E Persisting while learning — keep trying when a new skill for {acting} is hard at first, asking
  for help rather than giving up.
D Seeking feedback — ask {peers} for specific feedback after {acting}, and use it to set a
  learning goal.
D Keeping knowledge current — follow updates to procedures, standards or products that affect
  {obj} and apply them promptly.
D Stretch assignments — volunteer for less familiar work such as {acting} in order to widen own
  range.
D Learning from setbacks — treat a failed attempt at {acting} as information, working out what
  to change rather than whom to blame.
D [physical] Learning new equipment — take up training on new models of {equipment} early, and
  practise until they can be used safely without help.
A [pro] Planned development — set and pursue own development goals, such as a credential or a
  new technique for {acting}.
A [!pro] Working toward the next level — set a goal such as a licence, a certificate or a new
  skill in {acting}, and practise toward it.
A Sharing what is learned — pass on new knowledge about {obj} to {peers} through
  demonstrations, notes or short briefings.
A Adapting to change — adjust quickly when the methods, tools or rules change for {acting}, and
  help others through the transition.
A Raising own standard — compare own results on {obj} with the best practice available and
  close the gap.
X A learning team — build routines such as case reviews and peer teaching so the whole team
  keeps improving at {acting}.
X Developing others' potential — give {peers} stretch opportunities in {acting} and support
  them through early mistakes.
X [pro] Anticipating future skills — identify the skills that changes in {obj} will demand and
  plan training before the need arrives.
X Modelling lifelong learning — show openly how own practice in {acting} keeps developing,
  including what is still being learned.
"""

FORTITUDE = """
E Staying with hard tasks — keep going when {acting} is tiring or repetitive, until it is done
  properly, asking for help when needed.
E Coping with setbacks — recover from a mistake or a bad day and return to {acting} ready to
  try again.
E Handling criticism — hear criticism of own work on {obj} without losing motivation, and take
  away the useful part.
E [physical] Working through discomfort — keep to safe practice when {acting} in uncomfortable
  or tiring conditions, and report when they become unsafe.
E [sell] Bouncing back from refusals — stay friendly and keen after {people} say no, and treat
  each new contact as a fresh start.
E [care] Steadiness with suffering — stay calm and kind with {people} who are in pain,
  frightened or upset, and ask for support after hard moments.
D Resilience in busy periods — keep up quality in {acting} through peaks in workload, pacing
  effort across the day.
D Handling difficult encounters — stay professional with {people} who are angry or distressed,
  and keep the work on track.
D Persistence on stubborn problems — keep working at a problem with {obj} through several failed
  attempts, changing tactics each time.
D Confidence in own competence — {act} confidently once trained, while still checking the
  critical steps.
D [physical] Stamina with care — pace physical effort when {acting} over a long shift, using
  safe handling and rest breaks to avoid injury.
D [sell] Steady effort toward targets — keep up contact with {people} through slow periods,
  tracking own results without losing heart.
A [hazard] Steadiness in emergencies — act decisively and safely when something goes wrong
  during {acting}, keeping priorities clear under pressure.
A Holding a position — stand by a well-founded judgement on {topic} when challenged, while staying
  open to new evidence.
A Support for others under strain — help {peers} through stressful periods of {acting}, sharing
  the load and keeping morale up.
A Recovery from serious setbacks — recover from a serious setback in {acting}, learn from it and
  rebuild confidence in the work.
A [care] Facing crisis and loss — keep working steadily through emergencies and distressing
  cases involving {people}, and use debriefs to recover afterwards.
A [conflict] Standing firm in disputes — hold to fair terms on {obj} under pressure from
  {people} or {peers}, without escalating the conflict.
A Keeping standards under pressure — keep to every check and safety step when {acting} under
  time pressure or in difficult conditions, and say so when quality is at risk.
A Persevering with long tasks — see long or complex work on {obj} through to the end, keeping
  track of progress through interruptions.
X [pro] Leading through adversity — keep teams focused and steady through crises, staff
  shortages or major failures affecting {obj}.
X [pro] Courage for unpopular calls — take and explain unpopular decisions about {topic} when they
  are right for {people} and the organisation.
X Building team resilience — put in place support, debriefs and fair workloads that help
  {peers} recover after demanding spells of {acting}.
X Commitment to long-term goals — sustain effort on difficult, long-term improvements to {obj}
  despite slow progress and setbacks.
X [!pro] Steadying the team — keep {peers} calm and focused when {acting} goes wrong or the pace
  is punishing, sharing the hardest parts.
"""
