import ArgumentParser
import RealiseReports
import RealiseWorkbench

/// `realise action list [--open | --overdue]`.
struct ActionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List actions with where they stand, by number.")

    /// Which actions to list.
    enum Selection: String, EnumerableFlag {
        case all, open, overdue

        static func help(for value: Selection) -> ArgumentHelp? {
            switch value {
            case .all: "Every action, open or closed (the default)."
            case .open: "Only actions still open (overdue ones included)."
            case .overdue: "Only open actions past their due date."
            }
        }
    }

    @OptionGroup var workspace: WorkspaceOptions

    @Flag var selection: Selection = .all

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Where actions stand on this day (default: today).", valueName: "date"))
    var asOf: String?

    @Option(help: "Output format: table, json or csv.")
    var format: ListFormat = .table

    func run() throws {
        try reporting {
            let day = try DayArgument.parse(asOf, option: "--as-of")
            let listed = try workspace.open(create: false).actions(ActionSelection(rawValue: selection.rawValue) ?? .all, asOf: day)
            Output.print(format.render(.actions(listed, asOf: day)))
        }
    }
}
