"""The quiz block (`<!-- kb:quiz -->`): the app's mount point and its UI words, plus the question bank file.

The bank is a file of its own per language (`bank_script`, written by kb.side_build into the built site), not
part of the page: at a thousand entries it holds 4,000 questions (3.7 MB) that the page would otherwise carry
through Markdown, the search index and the hover definitions on every build. quiz.js loads it with a
<script> element, which also works in the offline copy opened from disk (fetch() does not).
The labels and settings ship inside the page as `<script type="application/json">`. All JSON has `<`, `>` and
`&` escaped, so no text from YAML can close a script element; quiz.js writes every text with `textContent`.
"""
from __future__ import annotations

from kb import LANGS
from kb.core.context import BuildContext, context
from kb.core.script_json import safe_json
from kb.quiz.bank import TIERS_PAGE, TOPICS, cached

TRAINERS_PAGE = "trainers"     # where the presenter view, answer key and worksheet of a set are opened

BANK_FILE = "assets/quiz-bank-{lang}.js"      # in the built site, one per language

LABELS: dict[str, dict[str, str]] = {
    "setup_title": {"nl": "Stel je quiz samen", "en": "Set up your quiz"},
    "topic": {"nl": "Onderwerp", "en": "Topic"},
    "topic_all": {"nl": "Alles door elkaar", "en": "Everything, mixed"},
    "topic_terms": {"nl": "Begrippen en definities", "en": "Terms and definitions"},
    "topic_tiers": {"nl": "Influencerniveaus volgens de bronnen", "en": "Influencer tiers by source"},
    "topic_findings": {"nl": "Bevindingen van de masterproef", "en": "Findings of the thesis"},
    "topic_scenarios": {"nl": "Situaties uit de praktijk", "en": "Real-world situations"},
    "length": {"nl": "Aantal vragen", "en": "Number of questions"},
    "start": {"nl": "Start de quiz", "en": "Start the quiz"},
    "question_of": {"nl": "Vraag {i} van {n}", "en": "Question {i} of {n}"},
    "score_so_far": {"nl": "Score tot nu toe: {s}", "en": "Score so far: {s}"},
    "check": {"nl": "Controleer", "en": "Check"},
    "choose_first": {"nl": "Kies eerst een antwoord.", "en": "Choose an answer first."},
    "correct": {"nl": "Goed", "en": "Correct"},
    "incorrect": {"nl": "Fout", "en": "Incorrect"},
    "right_answer": {"nl": "Het juiste antwoord: {a}", "en": "The right answer: {a}"},
    "your_answer": {"nl": "Jouw antwoord: {a}", "en": "Your answer: {a}"},
    "mark_right": {"nl": "juist antwoord", "en": "right answer"},
    "mark_yours": {"nl": "jouw antwoord", "en": "your answer"},
    "read_more": {"nl": "Lees meer: {t}", "en": "Read more: {t}"},
    "next": {"nl": "Volgende vraag", "en": "Next question"},
    "finish": {"nl": "Bekijk je score", "en": "See your score"},
    "score": {"nl": "Je score: {s} van {n}", "en": "Your score: {s} out of {n}"},
    "all_right": {"nl": "Alles juist. Knap werk!", "en": "All correct. Well done!"},
    "mistakes": {"nl": "Je fouten, met uitleg", "en": "Your mistakes, explained"},
    "retry": {"nl": "Oefen je fouten opnieuw ({n})", "en": "Retry your mistakes ({n})"},
    "new_quiz": {"nl": "Nieuwe quiz", "en": "New quiz"},
    "share": {"nl": "Deel deze quiz: wie deze link opent, krijgt dezelfde vragen in dezelfde volgorde.",
              "en": "Share this quiz: everyone who opens this link gets the same questions in the same order."},
    "share_label": {"nl": "Link naar deze quiz", "en": "Link to this quiz"},
    "copy": {"nl": "Kopieer de link", "en": "Copy the link"},
    "copied": {"nl": "Link gekopieerd.", "en": "Link copied."},
    "trainers": {"nl": "Geef je les met deze vragen? Op de pagina voor trainers zet je ze op de projector of "
                       "print je ze:",
                 "en": "Teaching with these questions? On the trainers' page you can project them or print them:"},
    "trainers_link": {"nl": "deze set op de pagina voor trainers", "en": "this set on the trainers' page"},
    "bad_link": {"nl": "Deze link bevat geen geldige quizset, dus hij is genegeerd. Een geldige link heeft een setcode "
                       "van hoogstens 32 letters, cijfers, - of _, een aantal vragen van 1 tot en met 50 en een "
                       "bestaand onderwerp.",
                 "en": "This link does not name a valid quiz set, so it was ignored. A valid link has a set code of at "
                       "most 32 letters, digits, - or _, a number of questions from 1 to 50 and an existing topic."},
    "storage_reset": {"nl": "De voortgang die in deze browser was opgeslagen, was onleesbaar en is gewist. Je begint "
                            "opnieuw.",
                      "en": "The progress saved in this browser could not be read and has been cleared. You start "
                            "afresh."},
    "restored": {"nl": "Je voortgang is hersteld: vraag {i} van {n}.",
                 "en": "Your progress was restored: question {i} of {n}."},
    "done": {"nl": "Quiz klaar.", "en": "Quiz finished."},
    "empty": {"nl": "Er zijn geen vragen voor dit onderwerp.", "en": "There are no questions for this topic."},
    "reveal": {"nl": "Toon het antwoord (R)", "en": "Reveal the answer (R)"},
    "next_short": {"nl": "Volgende (N)", "en": "Next (N)"},
    "prev_short": {"nl": "Vorige (P)", "en": "Previous (P)"},
    "answer_is": {"nl": "Antwoord {l}: {a}", "en": "Answer {l}: {a}"},
    "join": {"nl": "Doe mee op je telefoon", "en": "Join on your phone"},
    "qr_alt": {"nl": "QR-code van de link voor studenten: {u}", "en": "QR code of the students' link: {u}"},
    "keys_help": {"nl": "Toetsen: N of → volgende, P of ← vorige, R of spatie toont het antwoord.",
                  "en": "Keys: N or → next, P or ← previous, R or space reveals the answer."},
    "leave": {"nl": "Terug naar de quiz", "en": "Back to the quiz"},
    "key_title": {"nl": "Antwoordsleutel", "en": "Answer key"},
    "sheet_title": {"nl": "Werkblad", "en": "Worksheet"},
    "set_info": {"nl": "Seed {seed} · {n} vragen · {topic}", "en": "Seed {seed} · {n} questions · {topic}"},
    "print": {"nl": "Afdrukken", "en": "Print"},
    "name_line": {"nl": "Naam:", "en": "Name:"},
    "explanation": {"nl": "Uitleg:", "en": "Explanation:"},
    "no_bank": {"nl": "De vragen konden niet worden geladen. Laad de pagina opnieuw.",
                "en": "The questions could not be loaded. Please reload the page."},
    "noscript": {"nl": "De quiz heeft JavaScript nodig. Zonder JavaScript kun je alle begrippen nalezen in de "
                       "lijst met begrippen.",
                 "en": "The quiz needs JavaScript. Without it, you can still read every term in the glossary."},
}


def render(kb, lang: str, ctx: BuildContext | None = None) -> str:
    """HTML for the quiz page in `lang`: mount point, labels and settings (where the bank and the pages are)."""
    urls = context(ctx).urls
    labels = {key: {lg: value[lg] for lg in LANGS} for key, value in LABELS.items()}
    root = urls.to_site_root(lang)
    meta = {"lang": lang, "topics": list(TOPICS), "bank": root + BANK_FILE.format(lang=lang),
            "term_url": urls.to_language_root() + urls.page("glossary/{id}"),
            "tiers_url": urls.to_language_root() + urls.page(TIERS_PAGE),
            "trainers_url": urls.to_language_root() + urls.page(TRAINERS_PAGE)}
    return "\n".join([
        f'<div class="kb-quiz" data-kb-quiz="{lang}">',
        f'<noscript><p>{LABELS["noscript"][lang]}</p></noscript>',
        "</div>",
        "",
        f'<script type="application/json" id="kb-quiz-labels">{safe_json(labels)}</script>',
        "",
        f'<script type="application/json" id="kb-quiz-meta">{safe_json(meta)}</script>',
        "",
        f'<script defer src="{root}assets/quiz.js"></script>',      # only on the quiz page, deferred
        "",
    ])


def bank_script(kb, lang: str, ctx: BuildContext | None = None) -> str:
    """The question bank file of `lang`: a script that hands the questions to quiz.js (window.kbQuizBank)."""
    questions = [q.to_json() for q in cached(kb, ctx).questions[lang]]
    return (f"window.kbQuizBank = window.kbQuizBank || {{}};\n"
            f"window.kbQuizBank[{safe_json(lang)}] = {safe_json(questions)};\n")
