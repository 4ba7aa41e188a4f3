import RealiseModel
import RealiseReports
import RealiseStore

extension Workbench {
    /// The entity `id` (any case) with what links to it, its reviews and, with `history`, its versions.
    /// - Throws: `.store(.unknownEntity)` when no entity of the current plan has the id, unless `history` is asked
    ///   for and some entity once had it (then the details have a nil `id` and the history only).
    public func entity(_ id: String, history: Bool = false) throws(WorkbenchError) -> EntityDetails {
        let resolved: String, plan: Plan
        do {
            resolved = try workspace.resolveEntity(id).id
            plan = try workspace.loadPlan()
        } catch .unknownEntity where history {
            // Withdrawn: its history still shows it.
            return EntityDetails(id: nil, plan: Plan(), fields: [], schedules: [], lastReviewed: nil, reviews: [],
                                 history: try entityHistory(id))
        } catch { throw .store(error) }
        guard EntityView(plan: plan).contains(resolved) else { throw .store(.unknownEntity(id: id)) }
        let listings = [Listing.objectives(plan), .benefits(plan), .deliverables(plan), .metrics(plan)]
        let fields = listings.lazy.flatMap(\.rows).first { row in
            if case .string(let value)? = row.first?.1 { return value == resolved }
            return false
        } ?? []
        let book = try reviewBook()
        let reviews = try store { workspace throws(StoreError) in try workspace.reviews(subject: resolved) }
        return EntityDetails(id: resolved, plan: plan, fields: fields, schedules: book.schedules.filter { $0.subject == resolved },
                             lastReviewed: book.lastReviewed[resolved], reviews: reviews,
                             history: history ? try entityHistory(resolved) : nil)
    }
}
