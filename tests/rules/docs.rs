//! Every rule's documented example runs (`src/rules/<rule>.md`, the text
//! of `awesome-lint explain`): under `## Example`, the first `markdown`
//! block must make the rule fire, and the block after "Use instead" must
//! not. Document rules run in the library; online rules through the binary
//! against the loopback web of `online`.

use awesome_lint::{RULES, Rule, Settings, Source, lint};

/// The example to avoid and the one to use instead, as the doc writes them.
pub fn examples(rule: Rule) -> Result<(String, String), String> {
    let doc = rule.info().doc;
    let example = doc
        .split_once("## Example")
        .ok_or(format!("{rule}: no `## Example`"))?
        .1;
    let example = example.split("\n## ").next().unwrap_or_default();
    let blocks: Vec<&str> = example.split("```markdown\n").skip(1).collect();
    let [bad, good, ..] = blocks.as_slice() else {
        return Err(format!(
            "{rule}: the example needs a `markdown` block to avoid and, after \"Use instead\", one to use"
        ));
    };
    let block = |b: &str| b.split("```").next().unwrap_or_default().to_owned();
    let (bad, good) = (block(bad), block(good));
    let between = example
        .split_once(&bad)
        .map(|(_, rest)| rest.split(&good).next().unwrap_or_default())
        .unwrap_or_default();
    if !between.contains("Use instead") {
        return Err(format!(
            "{rule}: the second block is the one to use instead, and says so"
        ));
    }
    Ok((bad, good))
}

/// What `rule` alone finds in an example: `line:rule message` each.
fn found(rule: Rule, text: &str) -> Vec<String> {
    if rule.info().online {
        let (json, ..) = crate::online::run(rule, text, &[]);
        return json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| format!("{}:{} {}", d["line"], rule, d["message"].as_str().unwrap()))
            .collect();
    }
    let source = Source::new("example.md", "example.md", text.to_owned());
    lint(&source, &Settings::with_only(rule))
        .findings
        .into_iter()
        .map(|f| {
            format!(
                "{}:{} {}",
                source.position(f.span.start).line,
                f.rule,
                f.message
            )
        })
        .collect()
}

#[test]
fn every_rule_s_example_fires_and_its_fix_does_not() {
    let mut problems = Vec::new();
    for info in RULES.iter() {
        let (bad, good) = match examples(info.rule) {
            Ok(blocks) => blocks,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        if found(info.rule, &bad).is_empty() {
            problems.push(format!("{}: the example finds nothing:\n{bad}", info.name));
        }
        let left = found(info.rule, &good);
        if !left.is_empty() {
            problems.push(format!(
                "{}: the example to use instead still finds {left:?}:\n{good}",
                info.name
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
