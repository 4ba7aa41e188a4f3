import ArgumentParser
import RealiseModel
import RealiseReports
import RealiseWorkbench

/// `realise show ID`: one entity with everything linked to it.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one entity with everything linked to it, upstream and downstream.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The entity's id (any case).")
    var id: String

    @Flag(help: "Also list the entity's versions: what each import changed, when it came into force, and who imported it.")
    var history = false

    func run() throws {
        try reporting {
            let details = try workspace.open(create: false).entity(id, history: history)
            guard let id = details.id else {
                // Withdrawn: its history still shows it.
                return Output.print("\(self.id.escapingControls) is not in the current plan.\n" + historySection(details.history))
            }
            Output.print(EntityView(plan: details.plan).render(id: id, fields: details.fields) + reviewSection(details)
                + historySection(details.history))
        }
    }

    /// The entity's review schedules and reviews, when it has any.
    private func reviewSection(_ details: EntityDetails) -> String {
        guard !details.schedules.isEmpty || !details.reviews.isEmpty else { return "" }
        var out = "\nReviews:\n"
        for schedule in details.schedules {
            let next = schedule.nextDue(lastReviewed: details.lastReviewed).map { "next due \($0)" } ?? "finished"
            out += "  schedule #\(schedule.id): \(schedule.cadence.name) from \(schedule.start)"
                + (schedule.reviewer.map { ", reviewer \($0.escapingControls)" } ?? "") + ", \(next)\n"
        }
        for review in details.reviews {
            let measured = review.measurements.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.plainText)" }
            out += "  \(review.date) \(review.rag.rawValue)" + (review.reviewer.map { " by \($0.escapingControls)" } ?? "")
                + (review.note.map { ": \($0.escapingControls)" } ?? "") + (measured.isEmpty ? "" : " [\(measured.joined(separator: ", "))]") + "\n"
        }
        return out
    }
}
