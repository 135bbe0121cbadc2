"""Transcript tests of the intake conversation: what a coachee says, what the bot answers."""

from __future__ import annotations

from bot.assembly import coaching_bot
from bot.domain import RequestState
from bot.messages import Incoming
from bot.requests.forms import RequestForm
from bot.requests.intake import intake_form
from bot.services import Services
from handlers.console.render import render
from handlers.pool.sample import DEMO_COACHEE_EMAIL
from storage.store import SqlStore
from tests.conversations.transcript import RecordingNotifier, Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL
ONE_LINER = (
    "could I get coaching on leading my team through a restructure, "
    "Tuesday or Thursday afternoons, online please"
)


def _through_to_summary(t: Transcript) -> str:
    assert "What would you like to be different" in t.say(SAM, ONE_LINER)
    assert "where are things now" in t.say(SAM, "Keep my team motivated through the changes")
    assert "Anything you'd like in a coach" in t.say(SAM, "skip")
    assert "Which programme" in t.say(SAM, "skip")
    return t.press(SAM, "Regional Coaching Pool")


def test_one_sentence_request_is_understood_and_echoed_in_full(transcript: Transcript) -> None:
    summary = squeeze(_through_to_summary(transcript))
    assert "Coaching on leading my team through a restructure" in summary
    assert "Meeting Online" in summary
    # Dates in full in the person's zone; today's afternoon has not started yet at 09:30.
    assert "Tuesday 24 November, 13:00–17:00" in summary
    assert "Thursday 26 November, 13:00–17:00" in summary
    assert "Tuesday 8 December, 13:00–17:00" in summary
    assert "Is that right?" in summary


def test_confirming_offers_an_explained_shortlist_from_other_councils(t: Transcript) -> None:
    _through_to_summary(t)
    shortlist = t.press(SAM, "Yes, find me a coach")
    assert "Here are 3 coaches who could work with you" in shortlist
    assert shortlist.count("Specialises in managing change") >= 2
    assert "Dudley" not in shortlist  # never the coachee's own organisation
    assert "None of these suit me" in shortlist
    (request,) = t.store.list_requests()
    assert request.state is RequestState.SHORTLISTED
    assert request.topic == "leading my team through a restructure"
    assert len(t.store.get_shortlist(request.id)) == 3


def test_a_bare_opener_asks_for_the_topic_first(t: Transcript) -> None:
    assert "What would you like coaching on?" in t.say(SAM, "coaching")
    assert "Could you say a little more?" in t.say(SAM, "hi")
    assert "Could you say a little more?" in t.say(SAM, "banana")
    assert "What would you like to be different" in t.say(SAM, "managing a difficult colleague")


def test_cancel_at_any_step_saves_nothing(t: Transcript) -> None:
    t.say(SAM, ONE_LINER)
    reply = t.say(SAM, "cancel")
    assert "Nothing was saved or sent" in reply
    assert t.store.list_requests() == []
    person = t.person(SAM)
    assert t.store.load_conversation(person.id, t.channel) is None


def test_back_returns_to_the_previous_question(t: Transcript) -> None:
    t.say(SAM, ONE_LINER)
    t.say(SAM, "Keep my team motivated")
    assert "What would you like to be different" in t.say(SAM, "back")
    assert "We're at the first question already" in t.say(SAM, "back")


def test_help_explains_and_asks_again(t: Transcript) -> None:
    t.say(SAM, ONE_LINER)
    reply = t.say(SAM, "help")
    assert "A goal can be small" in reply
    assert "What would you like to be different" in reply


def test_times_it_cannot_understand_are_questioned_not_guessed(t: Transcript) -> None:
    t.say(SAM, "coaching on confidence in meetings, online")
    t.say(SAM, "speak up in meetings")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    reply = t.say(SAM, "banana")
    assert "When are you usually free" in reply
    assert t.store.list_requests() == []
    past = t.say(SAM, "1/1/2020")
    assert "already passed" in past
    check = squeeze(t.say(SAM, "next Wednesday"))
    assert 'By "next Wednesday" do you mean Wednesday 2 December' in check
    assert t.store.list_requests() == []
    summary = squeeze(t.press(SAM, "Yes, that's right"))
    assert "Wednesday 2 December, 09:00–17:00" in summary
    assert "Is that right?" in summary


def test_any_part_can_be_corrected_from_the_summary(t: Transcript) -> None:
    _through_to_summary(t)
    assert "When are you usually free" in t.press(SAM, "Change the times")
    summary = t.say(SAM, "Monday mornings")
    assert "Monday 30 November, 09:00–12:00" in summary
    assert "13:00–17:00" not in summary
    assert "Is that right?" in summary


def test_an_old_button_is_refused_and_changes_nothing(t: Transcript) -> None:
    t.say(SAM, ONE_LINER)
    t.say(SAM, "goal")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    choice, old_token = t.find(t.person(SAM).id, "Regional Coaching Pool")
    t.press(SAM, "Regional Coaching Pool")  # answered: the summary is now showing
    reply = t.press_raw(SAM, choice.value, old_token)
    assert "belongs to an earlier question" in reply
    assert "Is that right?" in reply
    assert t.store.list_requests() == []


def test_one_open_request_per_programme(t: Transcript) -> None:
    _through_to_summary(t)
    t.press(SAM, "Yes, find me a coach")
    # Said before the questions, and the programme already in use is not offered again.
    assert "you already have one in Regional Coaching Pool" in squeeze(t.say(SAM, ONE_LINER))
    t.say(SAM, "Keep my team motivated through the changes")
    t.say(SAM, "skip")
    programmes = t.say(SAM, "skip")
    assert "Which programme" in programmes
    assert "Rapid Support" in programmes
    assert "Regional Coaching Pool" not in programmes
    assert len(t.store.list_requests()) == 1


def test_distress_gets_a_kind_reply_and_alerts_no_one(t: Transcript) -> None:
    reply = squeeze(t.say(SAM, "I can't cope any more and I feel hopeless"))
    assert "Employee Assistance Programme" in reply
    assert "116 123" in reply
    assert "I haven't told anyone" in reply
    assert t.store.list_outbox() == []


def test_a_request_no_coach_can_take_waits_and_coordinators_hear_of_it(t: Transcript) -> None:
    t.say(SAM, "coaching on leading my team through a restructure, online")
    t.say(SAM, "Keep my team motivated")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    t.say(SAM, "Sunday at 6am")
    reply = squeeze(t.press(SAM, "Yes, find me a coach"))
    assert "I couldn't find a coach for you just now" in reply
    assert "the pool coordinators can see it" in reply
    (request,) = t.store.list_requests()
    assert request.state is RequestState.WAITLISTED
    note = squeeze(t.inbox("coordinator@wmemployers.org.uk"))
    assert f"Request {request.id} (Regional Coaching Pool, from Dudley" in note
    assert "is waiting: no coach could take it" in note
    assert "Sam" not in note


def test_a_conversation_survives_a_restart_and_continues_on_another_replica(
    t: Transcript, database_url: str
) -> None:
    t.say(SAM, ONE_LINER)
    t.say(SAM, "Keep my team motivated through the changes")
    replica = SqlStore.open(database_url)  # a second process, or the same one restarted
    try:
        other = Transcript(coaching_bot(Services(store=replica, clock=t.clock)), t.clock,
                           RecordingNotifier())  # fmt: skip
        assert "Anything you'd like in a coach" in other.say(SAM, "skip")
        assert "Which programme" in other.say(SAM, "skip")
        assert "Is that right?" in other.press(SAM, "Regional Coaching Pool")
    finally:
        replica.close()
    assert "who could work with you" in t.say(SAM, "yes")


def test_buttons_on_screen_still_work_after_help_or_a_stale_press(t: Transcript) -> None:
    t.say(SAM, ONE_LINER)
    t.say(SAM, "Keep my team motivated")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    regional, token = t.find(t.person(SAM).id, "Regional Coaching Pool")
    t.say(SAM, "help")
    assert "belongs to an earlier question" in t.press_raw(SAM, "1", "intake.goal.1")
    assert "Is that right?" in t.press_raw(SAM, regional.value, token)


def test_the_intake_form_in_one_go_even_mid_conversation(t: Transcript) -> None:
    form = intake_form(t.bot.services)
    assert form.token == RequestForm.INTAKE
    assert [f.name for f in form.fields][:2] == ["topic", "goal"]
    t.say(SAM, "coaching")  # a conversation is under way, then the form arrives
    sam = t.person(SAM)
    answers = {
        "topic": "leading my team through a restructure",
        "goal": "Keep morale up",
        "programme": "regional-pool",
        "format": "online",
        "when": "Tuesday or Thursday afternoons",
    }
    outcome = t.bot.handle(Incoming(sam.id, t.channel, form=answers, token=RequestForm.INTAKE))
    summary = squeeze(render(outcome.replies).text)
    assert "Coaching on leading my team through a restructure" in summary
    assert "Thursday 26 November, 13:00–17:00" in summary
    assert "Is that right?" in summary
    bad = dict(answers, when="whenever")
    outcome = t.bot.handle(Incoming(sam.id, t.channel, form=bad, token=RequestForm.INTAKE))
    assert "When are you usually free" in render(outcome.replies).text


def test_commands_mid_conversation_answer_and_carry_on(t: Transcript) -> None:
    t.say(SAM, ONE_LINER)
    aside = squeeze(t.say(SAM, "sessions"))
    assert "You have no sessions booked." in aside
    assert "To carry on where we were, answer this" in aside
    assert "What would you like to be different" in aside
    assert "where are things now" in t.say(SAM, "Keep my team motivated")


def test_words_that_are_not_about_coaching_do_not_start_a_request(t: Transcript) -> None:
    reply = t.say("catherine.ellis@shropshire.gov.uk", "Tuesday 1 December 2pm or Wednesday at 10")
    assert "I'm not sure what you mean" in reply
    assert (
        t.store.load_conversation(t.person("catherine.ellis@shropshire.gov.uk").id, t.channel)
        is None
    )
    assert "What would you like to be different" in t.say(
        SAM, "I'd really like to get better at managing conflict in my team"
    )


# --- Issue 14: first messages as people write them ------------------------------------------


def test_topic_preferences_and_times_are_told_apart(t: Transcript) -> None:
    goal = t.say(
        SAM,
        "I'd like someone senior, ideally a director, to coach me on stepping up to head of "
        "service. Thurs am or Fri am, online",
    )
    assert "What would you like to be different" in goal
    t.say(SAM, "Lead the service with confidence")
    t.say(SAM, "skip")  # where things are now; preferences were already given
    summary = squeeze(t.press(SAM, "Regional Coaching Pool"))
    assert "Coaching on stepping up to head of service" in summary
    assert "Preferences someone senior, ideally a director" in summary
    assert "Thursday 26 November, 09:00–12:00" in summary
    assert "Friday 27 November, 09:00–12:00" in summary
    assert "Meeting Online" in summary


def test_the_persons_casing_and_a_time_after_the_topic(t: Transcript) -> None:
    t.say(SAM, "Can I have a session on Presentation Skills the 3rd at 2pm")
    t.say(SAM, "Present to cabinet calmly")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    summary = squeeze(t.press(SAM, "Online"))  # the times were in the first message
    assert "Coaching on Presentation Skills │ Goal" in summary
    assert "Thursday 3 December, 14:00–15:00" in summary


def test_a_described_situation_is_a_request(t: Transcript) -> None:
    reply = t.say(SAM, "im having real dificulty with a colleage in my team, can i get coahcing")
    assert "What would you like to be different" in reply
    t.say(SAM, "Work well with them again")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    t.press(SAM, "Online")
    summary = squeeze(t.say(SAM, "Tuesday afternoons"))
    assert "Coaching on having real dificulty with a colleage in my team" in summary


def test_a_preference_said_first_and_the_topic_after(t: Transcript) -> None:
    t.say(SAM, "I'd really prefer a woman coach. It's about dealing with a difficult male manager")
    t.say(SAM, "Hold my ground calmly")
    t.say(SAM, "skip")  # where things are now; the preference was in the first message
    t.press(SAM, "Regional Coaching Pool")
    t.press(SAM, "Online")
    summary = squeeze(t.say(SAM, "Tuesday afternoons"))
    assert "Coaching on dealing with a difficult male manager" in summary
    assert "Preferences a woman coach" in summary


def test_burnt_out_is_a_request_and_burnout_a_topic(t: Transcript) -> None:
    reply = t.say(
        SAM,
        "Honestly I'm burnt out and I don't know how to switch off from work. "
        "Is coaching something that could help?",
    )
    assert "What would you like to be different" in reply
    t.say(SAM, "cancel")
    assert "What would you like to be different" in t.say(SAM, "burnout")


def test_a_doubtful_topic_is_echoed_back_at_once(t: Transcript) -> None:
    check = t.say(SAM, "My new director and I just don't click, can I get coaching?")
    assert "Have I got that right: you'd like coaching on" in check
    assert "My new director and I just don't click" in check
    goal = t.say(SAM, "Building a working relationship with a new director")
    assert "What would you like to be different" in goal
    t.say(SAM, "Trust each other")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    t.press(SAM, "Online")
    summary = squeeze(t.say(SAM, "Tuesday afternoons"))
    assert "Coaching on Building a working relationship with a new director" in summary


def test_a_doubtful_topic_can_be_confirmed(t: Transcript) -> None:
    t.say(SAM, "My new director and I just don't click, can I get coaching?")
    assert "What would you like to be different" in t.press(SAM, "Yes, that's right")


def test_a_message_in_welsh_is_answered_plainly(t: Transcript) -> None:
    reply = t.say(SAM, "Hoffwn gael hyfforddiant ar arwain tîm")
    assert "I can only understand English at the moment" in reply
    assert "coordinator" in reply
    assert "Mae'n ddrwg gen i" in reply
    assert "not sure what you mean" not in reply
    assert t.store.load_conversation(t.person(SAM).id, t.channel) is None


def test_something_else_is_not_taken_as_a_request(t: Transcript) -> None:
    reply = t.say(SAM, "My laptop won't connect to the wifi")
    assert "not sure what you mean" in reply
    assert t.store.load_conversation(t.person(SAM).id, t.channel) is None


def test_a_board_next_week_is_not_free_time(t: Transcript) -> None:
    t.say(SAM, "I'd like coaching on stepping up, I have to lead a board next week")
    t.say(SAM, "Chair with confidence")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    when = t.press(SAM, "Regional Coaching Pool")
    assert "Would you like to meet online or in person?" in when
    assert "When are you usually free" in t.press(SAM, "Online")


def test_skip_is_not_taken_as_the_goal(t: Transcript) -> None:
    assert "What would you like to be different" in t.say(SAM, ONE_LINER)
    asked = squeeze(t.say(SAM, "skip"))
    assert "This one I need" in asked
    assert "What would you like to be different" in asked  # the same question again
    assert "where are things now" in t.say(SAM, "Keep my team motivated through the changes")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    summary = squeeze(t.press(SAM, "Regional Coaching Pool"))
    assert "Keep my team motivated through the changes" in summary
    assert "skip" not in summary.lower()
