/// Where an importer hands over what it reads, a chunk at a time, so that a large file is never held whole:
/// the workspace writes each chunk into its import transaction as it arrives (`PlanCollector` keeps them
/// instead, for callers that want the whole plan).
///
/// A sink is used from one thread, by one importer at a time.
public protocol PlanSink: AnyObject {
    /// Takes the entities, values and links read since the last call.
    func take(_ chunk: Plan)
    /// Gives a deliverable handed over earlier a parent and appends lines to its notes. IATI states an
    /// activity's parent in either activity, so it is only known at the end of the file.
    func amend(deliverable id: String, parent: String?, appendingNotes lines: [String])
    /// How far reading has come: `done` of `total` (bytes of the file, or rows of a table), for a progress
    /// display. Called when a chunk is handed over.
    func reached(_ done: Int, of total: Int)
    /// The day the file says this version of it was made (an MS Project status date or last save, an IATI file's
    /// last update, a GMPP return's year): the day its values are revised as of. Called before the first chunk when the
    /// file says so at its start; called again when a later day is found (an IATI file's activities each have one):
    /// the last day told counts.
    func dated(_ day: Day)
}

extension PlanSink {
    public func reached(_ done: Int, of total: Int) {}
    public func dated(_ day: Day) {}

    /// Hands `buffer` over and empties it once it holds at least `threshold` items (entities, values and
    /// links); a threshold of 0 hands over whatever it holds. `position` (done, total), evaluated only
    /// when the buffer is handed over, is passed on to `reached(_:of:)`.
    public func flush(_ buffer: inout Plan, threshold: Int = Plan.chunkSize, position: @autoclosure () -> (Int, Int)? = nil) {
        guard buffer.itemCount >= max(threshold, 1) else { return }
        take(buffer)
        buffer = Plan()
        if let (done, total) = position() { reached(done, of: total) }
    }
}

extension Plan {
    /// How many items an importer gathers before handing them to its sink: large enough that the
    /// hand-over costs nothing, small enough that memory does not depend on the file.
    public static let chunkSize = 512

    /// Entities, values, links, schedules and reviews in the plan.
    public var itemCount: Int { entityCount + values.count + links.count + schedules.count + reviews.count }

    /// Entities of every type in the plan.
    public var entityCount: Int {
        programmes.count + organisations.count + objectives.count + benefits.count + deliverables.count + metrics.count
    }
}

/// A sink that keeps everything: the whole plan, as the importer would have built it in one piece.
public final class PlanCollector: PlanSink {
    public private(set) var plan = Plan()
    /// See `PlanSink.dated(_:)`.
    public private(set) var versionDate: Day?
    /// Deliverable positions by id, built at the first amendment (they come at the end of a file).
    private var deliverableIndex: [String: Int]?

    public init() {}

    public func dated(_ day: Day) { versionDate = day }

    public func take(_ chunk: Plan) {
        if deliverableIndex != nil {
            for (offset, deliverable) in chunk.deliverables.enumerated() where deliverableIndex?[deliverable.id] == nil {
                deliverableIndex?[deliverable.id] = plan.deliverables.count + offset
            }
        }
        plan.merge(chunk)
    }

    public func amend(deliverable id: String, parent: String?, appendingNotes lines: [String]) {
        if deliverableIndex == nil {
            deliverableIndex = Dictionary(plan.deliverables.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        guard let index = deliverableIndex?[id] else { return }
        if let parent { plan.deliverables[index].parent = parent }
        if !lines.isEmpty {
            plan.deliverables[index].notes = ([plan.deliverables[index].notes].compactMap { $0 } + lines).joined(separator: "\n")
        }
    }
}

/// An error made of problems located in input files (an importer's), as opposed to a failure of the
/// machine; an import reports these for every file before giving up.
public protocol LocatedProblems: Error {
    /// The problems, each with file, line and column.
    var diagnostics: [Diagnostic] { get }
    /// True when the input is missing or unreadable rather than bad; such an error stops an import at once.
    var isMissingInput: Bool { get }
}
