import RealiseModel
import RealiseReports
import RealiseReviews
import RealiseStore

/// One entity with everything a page or a `show` needs: the plan it sits in (for what links to it, upstream and
/// downstream), its listed fields, its review schedules and reviews, and, when asked for, its history.
public struct EntityDetails: Sendable {
    /// The id as the workspace spells it; nil when no entity of the current plan has it (a withdrawn one, shown by
    /// its history alone).
    public var id: String?
    /// The current plan.
    public var plan: Plan
    /// The entity's row of its type's listing (`list objectives`, `list benefits` …); empty when it has none.
    public var fields: Listing.Row
    /// The schedules of reviews of the entity, and the day it was last reviewed.
    public var schedules: [ReviewSchedule]
    public var lastReviewed: Day?
    /// The reviews of the entity, oldest first.
    public var reviews: [Workspace.StoredReview]
    /// The entity's versions and the changes people recorded, when asked for.
    public var history: EntityHistory?
}

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
