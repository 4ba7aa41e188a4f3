import ArgumentParser
import RealiseReports
import RealiseWorkbench

extension MapFormat: ExpressibleByArgument {}

/// `realise map`: the benefits dependency map with gaps highlighted.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw the benefits dependency map (objectives ← benefits ← deliverables, metrics beside benefits), gaps highlighted.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var input: PlanInputOptions

    @Argument(help: "Plan files or folders to draw without touching any workspace.")
    var paths: [String] = []

    @Option(help: "mermaid (for Markdown, GitHub, Confluence) or dot (Graphviz).")
    var format: MapFormat = .mermaid

    @Option(help: "Draw the plan as it stood on this day and judge its gaps then, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        try reporting {
            let day = try DayArgument.parse(asOf, option: "--as-of")
            // Plans read from files are read whole; a workspace's as it stood on --as-of.
            let request = try GapReportRequest(asOf: asOf == nil || !paths.isEmpty ? nil : day, today: day, programme: input.programme,
                                               wordingEvidence: false)
            let source = paths.isEmpty ? try workspace.open(create: false) : try Workbench.reading(input.read(paths))
            let report = try source.gapReport(request)
            try Output.emit(format.renderer().render(report), to: output)
        }
    }
}
