//! `tshoot man`: the manual page (roff) on stdout, generated from the same command
//! definition as `--help`, with the sections a man page reader expects beside it.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

/// Sections clap does not know: exit status, environment, files. Plain roff, written here
/// by hand (no guide text reaches it).
const EXTRA: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success.
.TP
\fB1\fR
Nothing found (\fBsearch\fR without a match, \fBshow\fR of an unknown id), or problems found (\fBvalidate\fR).
.TP
\fB2\fR
A usage error, an ambiguous id, or anything else that went wrong.
.SH ENVIRONMENT
.TP
\fBTSHOOT_LANG\fR, \fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR
The language (en or sv), in this order, when \fB\-\-lang\fR is not given.
.TP
\fBTSHOOT_GUIDES\fR
Colon\-separated guide files or folders, loaded after the user's guides folder.
.TP
\fBNO_COLOR\fR, \fBCLICOLOR_FORCE\fR
No colour; colour even on a pipe. \fB\-\-color\fR overrides both.
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_DATA_HOME\fR, \fBXDG_STATE_HOME\fR
Where the configuration, the user's guides and the saved sessions live.
.SH FILES
.TP
\fI$XDG_DATA_HOME/tshoot/guides/\fR
The user's own guides (\fI~/.local/share/tshoot/guides/\fR by default).
.TP
\fI$XDG_CONFIG_HOME/tshoot/config.toml\fR
The configuration file; \fBtshoot config \-\-default\fR prints a commented one.
.SH EXAMPLES
.TP
\fBtshoot search "User Not Authenticated"\fR
Find the error a pasted message belongs to.
.TP
\fBtshoot graph itsmc\-dashboard\-errors \-\-format dot | dot \-Tsvg > tree.svg\fR
Draw a guide's decision tree.
.TP
\fBtshoot validate \-\-watch ~/.local/share/tshoot/guides\fR
Check guides again on every save.
"#;

/// One command of the page: `.SS tshoot NAME`, its synopsis, what it does, its options.
/// `clap_mangen` renders a command as a page of its own; its sections are taken here
/// without their `.SH` lines, so the one page holds every command.
fn commands_entry(page: &mut Vec<u8>, sub: &clap::Command) -> std::io::Result<()> {
    if sub.is_hide_set() {
        return Ok(());
    }
    let name = format!("tshoot {}", sub.get_name());
    let man = clap_mangen::Man::new(
        sub.clone()
            .display_name(name.clone())
            .bin_name(name.clone()),
    );
    writeln!(page, ".SS \"{name}\"")?;
    for render in [
        clap_mangen::Man::render_synopsis_section,
        clap_mangen::Man::render_description_section,
        clap_mangen::Man::render_options_section,
    ] {
        let mut section = Vec::new();
        render(&man, &mut section)?;
        // Keep the body: drop the heading and the string definition each render repeats.
        for line in String::from_utf8_lossy(&section).lines() {
            let preamble = line.starts_with(".SH ")
                || line.starts_with(r".ie \n(.g .ds Aq")
                || line.starts_with(".el .ds Aq");
            if !preamble {
                writeln!(page, "{line}")?;
            }
        }
        writeln!(page, ".PP")?;
    }
    Ok(())
}

pub fn run() -> anyhow::Result<ExitCode> {
    let man = clap_mangen::Man::new(super::Args::command());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    page.extend_from_slice(b".SH COMMANDS\n");
    for sub in super::Args::command().get_subcommands() {
        commands_entry(&mut page, sub)?;
    }
    page.extend_from_slice(EXTRA.as_bytes());
    man.render_version_section(&mut page)?;
    let mut out = std::io::stdout().lock();
    out.write_all(&page)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
