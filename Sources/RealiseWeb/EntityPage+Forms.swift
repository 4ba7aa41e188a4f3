import RealiseModel

/// The forms of an entity's page, each shown only when the viewer may use it and it applies to the entity's type.
extension EntityPage {
    func formSections(_ type: EntityType) -> String {
        var out = ""
        if forms.recordMeasurement, type == .metric { out += measurementForm }
        if forms.recordReview, Self.reviewable.contains(type) { out += reviewForm }
        if forms.schedule, Self.reviewable.contains(type) { out += scheduleForm }
        return out.isEmpty ? "" : "<section aria-labelledby=\"forms-heading\">\n<h2 id=\"forms-heading\">Record</h2>\n" + out + "</section>\n"
    }

    private var measurementForm: String {
        var fields = "<h3 id=\"measure-heading\">A measurement</h3>\n"
        fields += Markup.input("Date", name: "date", id: "measure-date", type: "date", value: report.asOf.description, extra: "required=\"required\"")
        fields += Markup.input("Value", name: "value", id: "measure-value", extra: "inputmode=\"decimal\" required=\"required\"")
        fields += Markup.input("Source", name: "source", id: "measure-source")
        fields += Markup.input("Note", name: "note", id: "measure-note")
        fields += "<p><button type=\"submit\">Record the measurement</button></p>\n"
        return Markup.postForm(WebPath.measurements(id), csrf: viewer.csrf, label: "Record a measurement", body: fields)
    }

    private var reviewForm: String {
        var fields = "<h3>A review</h3>\n"
        fields += Markup.input("Date", name: "date", id: "review-date", type: "date", value: report.asOf.description, extra: "required=\"required\"")
        fields += Markup.select("Rating", name: "rag", id: "review-rag",
                                options: RAG.allCases.map { ($0.rawValue, $0.rawValue.replacingOccurrences(of: "-", with: " ").capitalized) })
        fields += "<p class=\"field\"><label for=\"review-note\">Note</label> <textarea id=\"review-note\" name=\"note\" rows=\"3\" cols=\"40\"></textarea></p>\n"
        for (index, metric) in reviewedMetrics.enumerated() {
            let name = details.plan.metrics.first { $0.id == metric }.map { " \($0.name)" } ?? ""
            fields += Markup.input("Measurement of \(metric)\(name)", name: "measurement.\(metric)", id: "review-measurement-\(index + 1)",
                                   type: "number", extra: "step=\"any\" inputmode=\"decimal\"")
        }
        fields += "<p><button type=\"submit\">Record the review</button></p>\n"
        return Markup.postForm(WebPath.reviews(id), csrf: viewer.csrf, label: "Record a review", body: fields)
    }

    private var scheduleForm: String {
        var fields = "<h3>A review schedule</h3>\n"
        fields += Markup.input("Cadence (monthly, quarterly … or an RRULE)", name: "cadence", id: "schedule-cadence", value: "quarterly",
                               extra: "required=\"required\"")
        fields += Markup.input("Starting", name: "start", id: "schedule-start", type: "date", value: report.asOf.description, extra: "required=\"required\"")
        fields += Markup.input("Reviewer", name: "reviewer", id: "schedule-reviewer")
        fields += "<p><button type=\"submit\">Schedule reviews</button></p>\n"
        return Markup.postForm(WebPath.schedules(id), csrf: viewer.csrf, label: "Schedule reviews", body: fields)
    }
}
