import ArgumentParser
import RealiseReports

extension ListSubject: ExpressibleByArgument {}
extension ListFormat: ExpressibleByArgument {}

/// `realise list`: browse the workspace.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List objectives, benefits, deliverables, metrics, links or imports.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "What to list: \(ListSubject.allCases.map(\.rawValue).joined(separator: ", ")).")
    var subject: ListSubject

    @Option(help: "Output format: table, json or csv.")
    var format: ListFormat = .table

    @Option(help: "Only this programme's entities.")
    var programme: String?

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
            Output.print(format.render(listing))
        }
    }
}
