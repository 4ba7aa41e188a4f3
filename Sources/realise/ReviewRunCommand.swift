import ArgumentParser
import Foundation
import RealiseGaps
import RealiseModel
import RealiseReports

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
            let opened = try workspace.open(create: false)
            let book = try opened.reviewBook()
            let plan: Plan, revisions: [ValueRevision]
            do {
                // Without --as-of, the current plan: today's.
                plan = try asOf == nil ? opened.loadPlan() : opened.loadPlan(asOf: day)
                revisions = try asOf == nil ? opened.revisions() : opened.revisions(asOf: day)
            } catch { throw Failure(error) }
            let report = try GapAnalyzer().report(for: plan, asOf: day, history: GapHistory(revisions: revisions, reviews: book.standings, outcomes: try opened.reviewOutcomes()))
            let due = book.due(asOf: day, within: within)
            let subjects = try opened.reviewSubjects()
            let dueListing = Listing.dueReviews(due.map { entry in
                let subject = subjects[entry.schedule.subject]
                return (entry, Listing.Subject(type: subject?.type.rawValue ?? "", id: entry.schedule.subject, name: subject?.name ?? ""))
            })
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw Failure(lines: ["\(out): cannot create the folder: \(error.localizedDescription)"], code: 74)
            }
            let folder = URL(fileURLWithPath: out)
            let files = [("gaps-\(day).html", GapReportFormat.html.renderer().render(report)),
                         ("gaps-\(day).json", JSONGapRenderer().render(report)),
                         ("reviews-due-\(day).json", ListFormat.json.render(dueListing))]
            for (name, text) in files { try Output.emit(text, to: folder.appendingPathComponent(name).path) }
            let overdue = due.filter { $0.status == .overdue }
            Output.print("Realise review run as of \(day): \(report.summary.high) high, \(report.summary.medium) medium and "
                         + "\(report.summary.low) low gaps; \(overdue.count) review\(overdue.count == 1 ? "" : "s") overdue"
                         + (overdue.isEmpty ? "" : " (" + overdue.map { "\($0.schedule.subject.escapingControls) due \($0.due)" }.joined(separator: ", ") + ")")
                         + ", \(due.count - overdue.count) due within \(within) days. Reports written to \(out): "
                         + files.map(\.0).joined(separator: ", ") + ".\n")
            if !overdue.isEmpty { throw ExitCode(1) }
        }
    }
}
