import ArgumentParser
import RealiseGaps
import RealiseModel
import RealiseReports
import RealiseStore

extension GapReportFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// `realise gaps`: the gap report, over the workspace or (with PATHs) over plans read into memory.
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Report where strategy outruns delivery.",
        discussion: """
            With PATHs, the plans are read into a throw-away in-memory workspace and nothing is written ("lint my plan").
            Rules: \(GapRules.ids.joined(separator: ", ")).
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var input: PlanInputOptions

    @Argument(help: "Plan files or folders to report on without touching any workspace.")
    var paths: [String] = []

    @Option(help: "Report as of this day, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: "Output format: text or json.")
    var format: GapReportFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Exit 1 when a finding at or above this severity exists (high, medium or low).")
    var failOn: Severity?

    @Option(help: "Run only this rule (repeatable).")
    var only: [String] = []

    @Option(help: "Do not run this rule (repeatable).")
    var skip: [String] = []

    func run() throws {
        try reporting {
            let day = try DayArgument.parse(asOf, option: "--as-of")
            let analyzer: GapAnalyzer
            do { analyzer = try GapAnalyzer(only: only, skip: skip) } catch { throw Failure(error) }
            let plan: Plan
            do {
                if paths.isEmpty {
                    plan = try workspace.open(create: false).loadPlan(programme: input.programme)
                } else {
                    let files = try input.read(paths)
                    let memory = try Workspace.emptyInMemory()
                    _ = try memory.importFiles(files)
                    plan = try memory.loadPlan(programme: input.programme)
                }
            } catch { throw Failure(error) }
            let report = analyzer.report(for: plan, asOf: day)
            try Output.emit(format.renderer(colour: output == nil && Output.colour).render(report), to: output)
            if let failOn, let worst = report.worst, worst >= failOn {
                throw ExitCode(1)
            }
        }
    }
}
