import ArgumentParser
import RealiseModel
import RealiseStore
import RealiseWorkbench

/// `realise measure METRIC VALUE`: record a measurement by hand; `measure --delete METRIC --date D`: remove one.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: "Record a measurement of a metric, or delete one (--delete).",
        discussion: """
            A value of the same metric and day is replaced (with a warning naming it). Warnings, not errors: a date in the \
            future, a value more than 10× the baseline-to-target distance beyond them, a percentage over 100. The change \
            log keeps every replaced or deleted value.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The metric's id (any case).")
    var metric: String

    @Argument(help: "The measured value (a number; a negative one needs no `--`). Not with --delete.")
    var value: String?

    @Flag(help: "Delete the metric's measurement on --date instead of recording one (the change log keeps it).")
    var delete = false

    @Option(help: "The day it was measured, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "Where the value came from.")
    var source: String?

    @Option(help: "A note kept with the value.")
    var note: String?

    func validate() throws {
        if delete {
            if let value { throw ValidationError("--delete takes no value ('\(value)'): give the metric and --date only") }
            if date == nil { throw ValidationError("--delete needs --date: the day of the measurement to delete") }
            if source != nil || note != nil { throw ValidationError("--delete takes no --source or --note") }
        } else if value == nil {
            throw ValidationError("give the measured value after the metric's id, e.g. `realise measure \(metric) 42`")
        }
    }

    func run() throws {
        try reporting {
            let day = try DayArgument.parse(date, option: "--date")
            if delete {
                let change = try workspace.open(create: false).deleteMeasurement(metric: metric, on: day)
                warn(change)
                return Output.print("deleted \(change.metric.escapingControls)'s measurement on \(day) (was \(change.previous ?? "no value"))\n")
            }
            guard let value, let number = Double(lenient: value) else {
                throw Failure(lines: ["measurement '\(value ?? "")' is not a number"], code: 65)
            }
            let change = try workspace.open(create: false).recordMeasurement(metric: metric, value: number, on: day, source: source,
                                                                             note: note, today: DayArgument.today)
            warn(change)
            Output.print("recorded \(change.metric.escapingControls) = \(number.plainText) on \(day)\n")
        }
    }

    private func warn(_ change: Workspace.MeasurementChange) {
        for warning in change.warnings { Output.error("realise: warning: \(warning)") }
    }
}
