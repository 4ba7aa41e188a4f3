import ArgumentParser
import RealiseReports

extension ListSubject: ExpressibleByArgument {}

/// `realise list`: browse the workspace.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List objectives, benefits, deliverables, metrics, links or imports.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "What to list: \(ListSubject.allCases.map(\.rawValue).joined(separator: ", ")).")
    var subject: ListSubject

    @Option(help: "Output format: table, json, csv or xlsx (a workbook of one sheet; give --output).")
    var format: ListOutputFormat = .table

    @Option(help: ArgumentHelp("Write the workbook to this file (xlsx only).", valueName: "file"))
    var output: String?

    @Option(help: "Only this programme's entities.")
    var programme: String?

    func validate() throws {
        try WorkbookOutput.validate(format == .xlsx, output: output)
        if output != nil, format != .xlsx { throw ValidationError("--output is for --format xlsx; redirect the other formats") }
    }

    func run() throws {
        try reporting {
            let opened = try workspace.open(create: false)
            let listing: Listing
            do {
                if subject == .imports {
                    listing = .imports(try opened.importRuns())
                } else {
                    let plan = try opened.loadPlan(programme: programme)
                    switch subject {
                    case .objectives: listing = .objectives(plan)
                    case .benefits: listing = .benefits(plan)
                    case .deliverables: listing = .deliverables(plan)
                    case .metrics: listing = .metrics(plan)
                    case .links, .imports: listing = .links(plan)
                    }
                }
            } catch { throw Failure(error) }
            if let renderer = format.listing {
                Output.print(renderer.render(listing))
            } else {
                try WorkbookOutput.emit(to: output) { try ListingWorkbook().write(listing, sheet: subject.rawValue.capitalized, to: $0) }
            }
        }
    }
}
