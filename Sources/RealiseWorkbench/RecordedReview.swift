import RealiseModel

/// A review recorded: its number, its subject as the workspace spells the id, and what was recorded.
public struct RecordedReview: Sendable, Hashable {
    /// The review's number.
    public var id: Int64
    /// What was reviewed, as the workspace spells its id.
    public var subject: String
    /// The day of the review.
    public var date: Day
    /// Its red, amber or green status.
    public var rag: RAG
    /// How many measurements were taken at it.
    public var measurements: Int
}
