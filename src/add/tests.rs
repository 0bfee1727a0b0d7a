use super::render::{written_authors, written_date};
use crate::document::{Year, YearForm};

fn year(value: u16, month: Option<u8>, form: YearForm) -> Year {
    Year {
        value,
        month,
        span: 0..0,
        form,
        date: 0..0,
    }
}

#[test]
fn dates_are_written_as_the_model_writes_its_own() {
    let new = (2024, Some(3), Some(5));
    let cases = [
        ("2023.07", year(2023, Some(7), YearForm::Dotted), "2024.03"),
        ("2023.7", year(2023, Some(7), YearForm::Dotted), "2024.3"),
        (
            "2023-07-12",
            year(2023, Some(7), YearForm::Numeric),
            "2024-03-05",
        ),
        ("2023/07", year(2023, Some(7), YearForm::Numeric), "2024/03"),
        (
            "24-10-03",
            year(2024, Some(10), YearForm::Numeric),
            "24-03-05",
        ),
        (
            "16 Oct 2023",
            year(2023, Some(10), YearForm::Named),
            "5 Mar 2024",
        ),
        (
            "02 Oct 2023",
            year(2023, Some(10), YearForm::Named),
            "05 Mar 2024",
        ),
        (
            "Sept. 2023",
            year(2023, Some(9), YearForm::Named),
            "Mar. 2024",
        ),
        (
            "September 2023",
            year(2023, Some(9), YearForm::Named),
            "March 2024",
        ),
        (
            "OCT 2023",
            year(2023, Some(10), YearForm::Named),
            "MAR 2024",
        ),
    ];
    for (example, written, expected) in cases {
        assert_eq!(
            written_date(example, &written, new).as_deref(),
            Some(expected),
            "{example}"
        );
    }
    // A date to the day for a paper known to the month: not written.
    assert_eq!(
        written_date(
            "2023-07-12",
            &year(2023, Some(7), YearForm::Numeric),
            (2024, Some(3), None)
        ),
        None
    );
}

#[test]
fn authors_are_listed_as_the_model_lists_its_own() {
    let names: Vec<String> = ["Yann LeCun", "Léon Bottou", "Yoshua Bengio"]
        .iter()
        .map(|n| n.to_string())
        .collect();
    let cases = [
        (
            "Ada Lovelace, Alan Turing",
            "Yann LeCun, Léon Bottou, Yoshua Bengio",
        ),
        (
            "Ada Lovelace, Alan Turing, and Grace Hopper.",
            "Yann LeCun, Léon Bottou, and Yoshua Bengio.",
        ),
        (
            "Ada Lovelace, Alan Turing and Grace Hopper",
            "Yann LeCun, Léon Bottou and Yoshua Bengio",
        ),
        ("Lovelace et al.", "LeCun et al."),
        ("Ada Lovelace et al.", "Yann LeCun et al."),
        (
            "Ada Lovelace, Alan Turing, et al.",
            "Yann LeCun, Léon Bottou, et al.",
        ),
        ("A. Lovelace, A. Turing", "Y. LeCun, L. Bottou, Y. Bengio"),
        (
            "Ada Lovelace; Alan Turing",
            "Yann LeCun; Léon Bottou; Yoshua Bengio",
        ),
    ];
    for (example, expected) in cases {
        assert_eq!(written_authors(example, &names), expected, "{example}");
    }
    // Fewer authors than the model shows before `et al.`: all of them.
    let two = &names[..2];
    assert_eq!(
        written_authors("Ada Lovelace, Alan Turing, Grace Hopper et al.", two),
        "Yann LeCun, Léon Bottou"
    );
    assert_eq!(
        written_authors("Ada Lovelace, Alan Turing, and Grace Hopper", two),
        "Yann LeCun and Léon Bottou"
    );
}

#[test]
fn markup_in_a_title_is_escaped() {
    use crate::document::escape_inline;
    assert_eq!(
        escape_inline("[Re] *Really* a `test`", false),
        "\\[Re\\] \\*Really\\* a \\`test\\`"
    );
    assert_eq!(
        escape_inline("snake_case and _emph_", false),
        "snake_case and \\_emph\\_"
    );
    assert_eq!(escape_inline("A | B", true), "A \\| B");
    assert_eq!(escape_inline("A | B", false), "A | B");
}
