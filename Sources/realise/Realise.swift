import ArgumentParser
import Foundation

/// `realise`: the benefits-realisation workbench's command line. Parsing and printing only; the work is
/// done by the Realise libraries.
@main
struct Realise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "realise",
        abstract: "Track benefits realisation: import plans, link vision to delivery, report the gaps.",
        discussion: """
            Exit codes: 0 success, 1 a gate failed (--fail-on, --fail-on-overdue, overdue reviews in `review run`), 64 usage error, 65 bad input data, 66 input file or workspace missing or unreadable, 74 database, network or I/O error, 75 shared workspace busy (`import --wait`).
            """,
        version: "0.1.0",
        subcommands: [InitCommand.self, ImportCommand.self, ValidateCommand.self, ListCommand.self, ShowCommand.self,
                      MeasureCommand.self, GapsCommand.self, DiffCommand.self, MapCommand.self, ReviewCommand.self, ActionCommand.self, ExportCommand.self, LogCommand.self,
                      CopyCommand.self, TemplateCommand.self, UserCommand.self, ServeCommand.self]
    )

    /// Parses and runs the command like `ParsableCommand.main()`, except that negative numbers need no `--` and
    /// argument errors are written like every other error (`realise: error: …`, with "did you mean" hints).
    static func main() {
        let arguments = NegativeNumbers.asValues(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            guard let failure = Failure.parsing(error, arguments: arguments) else { exit(withError: error) }
            Foundation.exit(failure.report().rawValue)
        }
    }
}
