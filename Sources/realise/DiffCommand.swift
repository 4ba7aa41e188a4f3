import ArgumentParser
import RealiseGaps
import RealiseModel
import RealiseReports

/// `realise diff OLD NEW`: what changed between two versions of a plan, each read into a throw-away in-memory
/// workspace (nothing is written).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a plan: slips, targets, confidence, links, gaps.",
        discussion: """
            OLD and NEW are each a plan file or a folder of plan files, read as `realise gaps PATH` reads them; nothing \
            is written. Each version's gaps are judged as of its own day (--as-of-old, --as-of-new; default today). \
            Changes of form only — order, white space, 52 against 52.0, a moved line, a renamed file — are no change. \
            A diff with changes exits 0.
            """)

    @OptionGroup var input: PlanInputOptions

    @Argument(help: "The older version: a plan file or a folder of plan files.")
    var old: String

    @Argument(help: "The newer version: a plan file or a folder of plan files.")
    var new: String

    @Option(help: "Judge the older version's gaps as of this day, YYYY-MM-DD (default: today).")
    var asOfOld: String?

    @Option(help: "Judge the newer version's gaps as of this day, YYYY-MM-DD (default: today).")
    var asOfNew: String?

    @Option(help: "Output format: text, markdown, json, csv, html or xlsx (a workbook of one sheet, Changes).")
    var format: DiffOutputFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        try WorkbookOutput.validate(format == .xlsx, output: output)
        try DayArgument.check(asOfOld, option: "--as-of-old")
        try DayArgument.check(asOfNew, option: "--as-of-new")
    }

    func run() throws {
        try reporting {
            let analyzer = try GapAnalyzer()
            let before = try end(old, asOf: asOfOld, option: "--as-of-old", analyzer: analyzer)
            let after = try end(new, asOf: asOfNew, option: "--as-of-new", analyzer: analyzer)
            let report = PlanDiff().report(from: before, to: after)
            if let renderer = format.report?.renderer(colour: output == nil && Output.colour) {
                try Output.emit(renderer.render(report), to: output)
            } else {
                try WorkbookOutput.emit(to: output) { try DiffWorkbook().write(report, to: $0) }
            }
        }
    }

    /// One version: its plan read into memory and its gap report as of its day, labelled with the path given.
    private func end(_ path: String, asOf: String?, option: String, analyzer: GapAnalyzer) throws -> DiffEnd {
        let day = try DayArgument.parse(asOf, option: option)
        do {
            let (plan, history) = try ReportInput.snapshot(of: ReportInput.inMemory([path], input: input), programme: input.programme)
            return DiffEnd(label: path, date: day, plan: plan, analyzer: analyzer, history: history)
        } catch { throw Failure(error) }
    }
}
