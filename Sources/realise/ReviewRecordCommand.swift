import ArgumentParser
import RealiseModel
import RealiseWorkbench

extension RAG: ExpressibleByArgument {}

/// `realise review record SUBJECT --rag …`: a review held, with the measurements taken at it.
struct ReviewRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a review and the measurements taken at it.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The id of the benefit, metric, objective or programme reviewed.")
    var subject: String

    @Option(help: "The review's status: red, amber or green (or amber-red, amber-green).")
    var rag: RAG

    @Option(help: "The day of the review, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "Who held the review.")
    var reviewer: String?

    @Option(help: "What the review concluded.")
    var note: String?

    @Option(help: ArgumentHelp("A measurement taken at the review (repeatable).", valueName: "METRIC=VALUE"))
    var measure: [String] = []

    func run() throws {
        try reporting {
            let day = try DayArgument.parse(date, option: "--date")
            var measurements: [(metric: String, value: Double)] = []
            for item in measure {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, let value = Double(lenient: parts[1]) else {
                    throw Failure(lines: ["--measure '\(item)' must be METRIC=NUMBER, e.g. MET-01=66.5"], code: 64)
                }
                measurements.append((parts[0], value))
            }
            let recorded = try workspace.open(create: false).recordReview(subject: subject, rag: rag, on: day, reviewer: reviewer, note: note,
                                                                          measurements: measurements)
            Output.print("recorded review #\(recorded.id) of \(recorded.subject.escapingControls) on \(day): \(rag.rawValue)"
                         + (recorded.measurements == 0 ? "" : " with \(recorded.measurements) measurement\(recorded.measurements == 1 ? "" : "s")")
                         + "\n")
        }
    }
}
