import unicodedata

from recovery_desktop.domain.passphrase import MIN_LENGTH, assess, normalise, problem_with


def test_short_passphrases_are_refused_with_the_minimum_named():
    """The message says how many characters are needed."""
    assert str(MIN_LENGTH) in problem_with("abc", "abc")


def test_mismatch_is_reported():
    """Both copies must match."""
    assert problem_with("river stone kettle", "river stone kettl") == (
        "The two passphrases don't match yet."
    )


def test_nfc_and_nfd_forms_are_the_same_passphrase():
    """Composed and decomposed accents are treated as the same text."""
    composed = "café crème brûlée"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert normalise(composed) == normalise(decomposed)
    assert problem_with(composed, decomposed) is None


def test_strength_rises_from_common_to_several_words():
    """A common password is weak; several unrelated words are strong."""
    assert assess("password").score <= 1
    assert assess("new words here").score <= 2
    assert assess("a" * 40).score <= 1
    assert assess("ababababababababababab").score <= 1
    assert assess("Tr0ub4dor").score >= 1
    assert assess("river stone kettle morning lantern").score == 4


def test_strength_of_a_short_passphrase_says_too_short():
    """Below the minimum the hint says so first."""
    assert assess("abc").label == "Too short"
