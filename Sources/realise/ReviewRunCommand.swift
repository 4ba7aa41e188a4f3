import ArgumentParser
import Foundation
import RealiseModel
import RealiseWorkbench

/// `realise review run`: the job a cron entry or systemd timer calls.
struct ReviewRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Write the gap report and the due list into a folder; exit 1 when reviews are overdue.",
        discussion: "Writes gaps-DATE.html, gaps-DATE.json and reviews-due-DATE.json into --out, and prints a one-paragraph summary.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Run as of this day, on the plan as it stood then, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: ArgumentHelp("The folder to write the reports into (created if missing).", valueName: "dir"))
    var out: String

    @Option(help: "Also list reviews due within this many days.")
    var within: Int = 30

    func run() throws {
        try reporting {
            let day = try DayArgument.parse(asOf, option: "--as-of")
            let run = try workspace.open(create: false).reviewRun(asOf: asOf == nil ? nil : day, today: day, within: within)
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw Failure(lines: ["\(out): cannot create the folder: \(error.localizedDescription)"], code: 74)
            }
            let folder = URL(fileURLWithPath: out)
            for document in run.documents { try Output.emit(document.contents, to: folder.appendingPathComponent(document.name).path) }
            Output.print(summary(run))
            if !run.overdue.isEmpty { throw ExitCode(1) }
        }
    }

    /// The paragraph printed: the gaps by severity, the reviews overdue and due, the files written.
    private func summary(_ run: ReviewRun) -> String {
        let summary = run.report.summary, overdue = run.overdue
        return "Realise review run as of \(run.day): \(summary.high) high, \(summary.medium) medium and "
            + "\(summary.low) low gaps; \(overdue.count) review\(overdue.count == 1 ? "" : "s") overdue"
            + (overdue.isEmpty ? "" : " (" + overdue.map { "\($0.schedule.subject.escapingControls) due \($0.due)" }.joined(separator: ", ") + ")")
            + ", \(run.due.count - overdue.count) due within \(within) days. Reports written to \(out): "
            + run.documents.map(\.name).joined(separator: ", ") + ".\n"
    }
}
