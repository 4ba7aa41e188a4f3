import RealiseModel

/// The review schedules and reviews of a plan loaded for export, after everything else.
extension PlanXMLWriter {
    /// The `<review-schedule>` and `<review>` elements (a review's measurements must not be among the plan's values).
    func reviews(_ plan: Plan) -> String {
        var out = ""
        for schedule in plan.schedules {
            out += element("review-schedule", [("subject", schedule.subject), ("cadence", schedule.cadence),
                                               ("start", schedule.start.description), ("reviewer", schedule.reviewer)])
        }
        for review in plan.reviews {
            out += element("review", [("subject", review.subject), ("date", review.date.description), ("rag", review.rag.rawValue),
                                      ("reviewer", review.reviewer)],
                           texts: [("note", review.note)],
                           children: review.measurements.map { "<measurement" + attributes([("metric", $0.metric), ("value", $0.value.plainText)]) + "/>" })
        }
        return out
    }
}
