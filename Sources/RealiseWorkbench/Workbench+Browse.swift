import RealiseModel
import RealiseReports
import RealiseStore

extension Workbench {
    /// The listing of `subject` (objectives, benefits, deliverables, metrics, links — of `programme`, or all — or the
    /// import runs): what `list` prints and a listing page or API returns.
    public func listing(_ subject: ListSubject, programme: String? = nil) throws(WorkbenchError) -> Listing {
        try store { workspace throws(StoreError) in
            if subject == .imports { return .imports(try workspace.importRuns()) }
            let plan = try workspace.loadPlan(programme: programme)
            return switch subject {
            case .objectives: .objectives(plan)
            case .benefits: .benefits(plan)
            case .deliverables: .deliverables(plan)
            case .metrics: .metrics(plan)
            case .links, .imports: .links(plan)
            }
        }
    }

    /// The workspace's changes (imports, measurements, reviews, schedules, actions), newest first: those on or after
    /// `since` (UTC), at most `limit` of them.
    public func changes(since: Day? = nil, limit: Int? = nil) throws(WorkbenchError) -> [ChangeRecord] {
        try store { workspace throws(StoreError) in try workspace.changes(since: since, limit: limit) }
    }

    /// The plan to export (of `programme`, or all): with its review schedules and reviews, or — for a register workbook,
    /// which holds no reviews — without them, the measurements taken at reviews kept as the metrics' values.
    public func planForExport(programme: String? = nil, withReviews: Bool = true) throws(WorkbenchError) -> Plan {
        try store { workspace throws(StoreError) in
            try withReviews ? workspace.loadPlanForExport(programme: programme) : workspace.loadPlan(programme: programme)
        }
    }

    /// Copies the whole workspace, history included, into `destination`, which must be empty unless `replace`.
    /// - Returns: the number of rows copied.
    public func copy(to destination: Workbench, replace: Bool) throws(WorkbenchError) -> Int {
        try store { workspace throws(StoreError) in try workspace.copy(to: destination.workspace, replace: replace) }
    }
}
