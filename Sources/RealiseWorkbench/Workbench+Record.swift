import RealiseModel
import RealiseStore

extension Workbench {
    /// Records a review of `subject` (a benefit, metric, objective or programme, its id in any case) and the
    /// measurements taken at it (metric id → value), in one transaction: all of it, or nothing.
    public func recordReview(subject: String, rag: RAG, on date: Day, reviewer: String? = nil, note: String? = nil,
                             measurements: [(metric: String, value: Double)] = []) throws(WorkbenchError) -> RecordedReview {
        try store { workspace throws(StoreError) in
            let subject = try workspace.resolveEntity(subject).id
            let id = try workspace.recordReview(subject: subject, date: date, rag: rag, reviewer: reviewer, note: note,
                                                measurements: measurements.map { ($0.metric, $0.value) })
            return RecordedReview(id: id, subject: subject, date: date, rag: rag, measurements: measurements.count)
        }
    }

    /// Records a measurement of `metric` (its id in any case), replacing any value of the same metric and day.
    /// - Parameter today: the day a later `date` is in the future of.
    /// - Returns: the value replaced, and warnings worth a second look (the value is recorded all the same).
    public func recordMeasurement(metric: String, value: Double, on date: Day, source: String? = nil, note: String? = nil,
                                  today: Day) throws(WorkbenchError) -> Workspace.MeasurementChange {
        try store { workspace throws(StoreError) in
            try workspace.recordMeasurement(metric: metric, value: value, text: nil, date: date, dataSource: source, note: note, today: today)
        }
    }

    /// Deletes `metric`'s measurement on `date` (the change log keeps it).
    public func deleteMeasurement(metric: String, on date: Day) throws(WorkbenchError) -> Workspace.MeasurementChange {
        try store { workspace throws(StoreError) in try workspace.deleteMeasurement(metric: metric, date: date) }
    }
}
