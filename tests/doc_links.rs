//! Every relative link in the README and docs/ leads to a file of the repository: CI runs on
//! a clean clone, so a link to something only a working copy has (a build output, an ignored
//! folder) fails here.

use std::path::Path;

/// The targets of the Markdown links `[text](target)` in `text`, without `#anchors`, outside
/// fenced code (where `[x](super::X)` is Rust documentation, not a link of this page).
fn link_targets(text: &str) -> Vec<&str> {
    let mut targets = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find("](") {
            rest = &rest[start + 2..];
            let Some(end) = rest.find(')') else { break };
            let target = rest[..end].split('#').next().unwrap_or_default();
            if !target.is_empty() && !target.contains("://") && !target.starts_with("mailto:") {
                targets.push(target);
            }
            rest = &rest[end..];
        }
    }
    targets
}

#[test]
fn relative_links_lead_to_files_of_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut documents = vec![root.join("README.md"), root.join("ARCHITECTURE.md")];
    for entry in std::fs::read_dir(root.join("docs")).expect("docs/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            documents.push(path);
        }
    }
    let mut broken = Vec::new();
    for document in &documents {
        let text = std::fs::read_to_string(document).expect("read");
        let dir = document.parent().expect("parent");
        for target in link_targets(&text) {
            if !dir.join(target).exists() {
                broken.push(format!("{}: {target}", document.display()));
            }
        }
    }
    assert!(broken.is_empty(), "links to nothing: {broken:#?}");
    assert!(documents.len() > 3);
}
