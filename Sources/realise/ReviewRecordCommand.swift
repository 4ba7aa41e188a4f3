import ArgumentParser
import RealiseModel

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
            var measurements: [(String, Double)] = []
            for item in measure {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, let value = Double(lenient: parts[1]) else {
                    throw Failure(lines: ["--measure '\(item)' must be METRIC=NUMBER, e.g. MET-01=66.5"], code: 64)
                }
                measurements.append((parts[0], value))
            }
            let id: Int64, subject: String
            do {
                let opened = try workspace.open(create: false)
                subject = try opened.resolveEntity(self.subject).id  // as the workspace spells it, for the line printed
                id = try opened.recordReview(subject: subject, date: day, rag: rag, reviewer: reviewer, note: note, measurements: measurements)
            } catch { throw Failure(error) }
            Output.print("recorded review #\(id) of \(subject.escapingControls) on \(day): \(rag.rawValue)"
                         + (measurements.isEmpty ? "" : " with \(measurements.count) measurement\(measurements.count == 1 ? "" : "s")") + "\n")
        }
    }
}
