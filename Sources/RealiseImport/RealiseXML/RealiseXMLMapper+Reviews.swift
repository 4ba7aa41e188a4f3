import RealiseModel
import RealiseReviews

/// `<review-schedule>` and `<review>`: what `realise export` writes of the workspace's reviews.
extension RealiseXMLMapper {
    mutating func mapReview(_ record: XMLElementRecord, source: SourceRef) {
        guard let subject = record["subject"] else { return }
        let reviewer = record["reviewer"]
        if record.name == "review-schedule" {
            guard let text = record["cadence"], let start = fields.day(record["start"], "start") else { return }
            do {
                // Stored as `review schedule` stores it: the cadence normalised.
                let cadence = try Cadence(text)
                plan.schedules.append(ScheduledReview(subject: subject, cadence: cadence.name, start: start, reviewer: reviewer,
                                                      source: source))
            } catch {
                fields.fail("\(error)")
            }
            return
        }
        guard let date = fields.day(record["date"], "date"), let rag: RAG = fields.choice(record["rag"], "rag") else { return }
        var measured: [RecordedReview.Measured] = []
        for child in record.children where child.name == "measurement" {
            fields.line = child.line
            guard let metric = child.attributes["metric"], let value = fields.number(child.attributes["value"], "value") else { continue }
            measured.append(.init(metric: metric, value: value))
        }
        plan.reviews.append(RecordedReview(subject: subject, date: date, rag: rag, reviewer: reviewer, note: record.text("note"),
                                           measurements: measured.sorted { $0.metric < $1.metric }, source: source))
    }
}
