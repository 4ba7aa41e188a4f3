import ArgumentParser
import RealiseWorkbench

/// `realise action close N --note …`.
struct ActionCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close an action, saying what was done.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The action's number, as `realise action list` shows it.", valueName: "n"))
    var number: Int64

    @Option(help: "What was done (kept with the action and in the change log).")
    var note: String

    @Option(help: ArgumentHelp("The day it was done, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    func validate() throws {
        guard number > 0 else { throw ValidationError("the action number must be positive, not \(number); `realise action list` shows them") }
    }

    func run() throws {
        try reporting {
            let day = try DayArgument.parse(date, option: "--date")
            try workspace.open(create: false).closeAction(number, note: note, on: day)
            Output.print("closed action #\(number) on \(day)\n")
        }
    }
}
