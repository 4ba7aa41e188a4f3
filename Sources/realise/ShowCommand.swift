import ArgumentParser
import RealiseModel
import RealiseReports
import RealiseStore

/// `realise show ID`: one entity with everything linked to it.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one entity with everything linked to it, upstream and downstream.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The entity's id.")
    var id: String

    func run() throws {
        try reporting {
            let plan: Plan
            do { plan = try workspace.open(create: false).loadPlan() } catch { throw Failure(error) }
            let view = EntityView(plan: plan)
            guard view.contains(id) else { throw Failure(StoreError.unknownEntity(id: id)) }
            let listings = [Listing.objectives(plan), .benefits(plan), .deliverables(plan), .metrics(plan)]
            let fields = listings.lazy.flatMap(\.rows).first { row in
                if case .string(let value)? = row.first?.1 { return value == id }
                return false
            } ?? []
            Output.print(view.render(id: id, fields: fields))
        }
    }
}
