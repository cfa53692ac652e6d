//! How errors reach the terminal.

use std::io::IsTerminal;

use miette::{GraphicalReportHandler, GraphicalTheme};
use plesk_codegen::Error;

/// Prints each schema error with the source line it points at (colored on
/// a terminal, plain otherwise).
pub fn report(error: &Error) {
    match error {
        Error::Schema(errors) => {
            let theme = if std::io::stderr().is_terminal() {
                GraphicalTheme::unicode()
            } else {
                GraphicalTheme::unicode_nocolor()
            };
            let handler = GraphicalReportHandler::new_themed(theme);
            for error in errors {
                let mut rendered = String::new();
                match handler.render_report(&mut rendered, error) {
                    Ok(()) => eprint!("{rendered}"),
                    Err(_) => eprintln!("{error}"),
                }
            }
            eprintln!("{} error(s)", errors.len());
        }
        other => eprintln!("error: {other}"),
    }
}
