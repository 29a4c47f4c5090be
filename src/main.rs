fn main() -> std::process::ExitCode {
    dbtool::cli::main()
}
