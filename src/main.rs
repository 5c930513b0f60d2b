fn main() -> std::process::ExitCode {
    tshoot::cli::main()
}
