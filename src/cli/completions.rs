//! Shell completion beyond what clap knows: the names of the project's queries after
//! `dbtool explain`, asked of `dbtool explain --list` when the user presses tab (so they are
//! the queries of the project the shell is in, as they are now).

use clap_complete::Shell;

/// Bash: a wrapper that answers for the query name and hands everything else to clap's `_dbtool`.
const BASH: &str = r#"
# Query names after `dbtool explain`, from `dbtool explain --list` in the current project.
_dbtool_with_queries() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    if [[ ${COMP_CWORD} -ge 2 && "${COMP_WORDS[1]}" == explain && "${cur}" != -* && "${prev}" != --* ]]; then
        COMPREPLY=( $(compgen -W "$("${COMP_WORDS[0]}" explain --list 2>/dev/null)" -- "${cur}") )
        return 0
    fi
    _dbtool "$@"
}
complete -F _dbtool_with_queries -o bashdefault -o default dbtool
"#;

/// Zsh: the function that completes `explain`'s NAME argument.
const ZSH_FUNCTION: &str = r#"(( $+functions[_dbtool_queries] )) ||
_dbtool_queries() {
    local -a names
    names=(${(f)"$(${words[1]} explain --list 2>/dev/null)"})
    _describe -t queries 'query' names
}

"#;

const FISH: &str = r#"
# Query names after `dbtool explain`, from `dbtool explain --list` in the current project.
complete -c dbtool -n "__fish_dbtool_using_subcommand explain" -f -a "(dbtool explain --list 2>/dev/null)" -d 'query'
"#;

/// clap_complete's `script` for `shell` with query names added; `None` when the script does
/// not have the shape this expects (a test keeps them in step).
pub fn with_query_names(shell: Shell, script: &str) -> Option<String> {
    match shell {
        Shell::Bash => Some(format!("{script}{BASH}")),
        Shell::Fish => Some(format!("{script}{FISH}")),
        Shell::Zsh => {
            // The NAME argument of `explain` completes with `_default`: ask for queries instead.
            let argument = script
                .lines()
                .find(|l| l.starts_with("'::name -- The query") && l.contains(":_default'"))?;
            let script = script.replacen(
                argument,
                &argument.replacen(":_default'", ":_dbtool_queries'", 1),
                1,
            );
            let tail = "if [ \"$funcstack[1]\" = \"_dbtool\" ]; then";
            script
                .contains(tail)
                .then(|| script.replacen(tail, &format!("{ZSH_FUNCTION}{tail}"), 1))
        }
        _ => Some(script.to_string()),
    }
}
