import RealiseModel
import RealiseReports

/// The entity's reviews, review schedules and history.
extension EntityPage {
    var reviews: String {
        guard details.reviews.isEmpty == false || entry.map({ Self.reviewable.contains($0.type) }) == true else { return "" }
        var out = "<section aria-labelledby=\"reviews-heading\">\n<h2 id=\"reviews-heading\">Reviews (\(details.reviews.count))</h2>\n"
        guard !details.reviews.isEmpty else { return out + "<p class=\"empty\">Not reviewed yet.</p>\n</section>\n" }
        out += "<div class=\"scroll\"><table class=\"reviews\">\n" + Markup.head(["Date", "Rating", "Reviewer", "Note", "Measurements"]) + "<tbody>\n"
        for review in details.reviews.reversed() {
            let measured = review.measurements.sorted { $0.key < $1.key }
                .map { "\(Markup.entity($0.key)) \(Markup.esc($0.value.plainText))" }.joined(separator: "<br/>")
            out += "<tr><td>\(review.date)</td><td>\(HTMLGapRenderer.rag(review.rag))</td><td>\(Markup.esc(review.reviewer ?? ""))</td>"
                + "<td>\(Markup.esc(review.note ?? ""))</td><td>\(measured)</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }

    var schedules: String {
        guard !details.schedules.isEmpty || entry.map({ Self.reviewable.contains($0.type) }) == true else { return "" }
        var out = "<section aria-labelledby=\"schedules-heading\">\n<h2 id=\"schedules-heading\">Review schedules (\(details.schedules.count))</h2>\n"
        guard !details.schedules.isEmpty else { return out + "<p class=\"empty\">No review scheduled.</p>\n</section>\n" }
        let removable = forms.schedule
        out += "<div class=\"scroll\"><table class=\"schedules\">\n"
            + Markup.head(["Cadence", "From", "Reviewer", "Next due"] + (removable ? ["Remove"] : [])) + "<tbody>\n"
        for schedule in details.schedules {
            let next = schedule.nextDue(lastReviewed: details.lastReviewed).map(\.description) ?? "ended"
            out += "<tr><td>\(Markup.esc(schedule.cadence.name))</td><td>\(schedule.start)</td><td>\(Markup.esc(schedule.reviewer ?? ""))</td>"
                + "<td>\(next)</td>"
            if removable {
                out += "<td><form method=\"post\" action=\"\(WebPath.removeSchedule(schedule.id))\" class=\"inline\">\(Markup.csrf(viewer.csrf))"
                    + "<button type=\"submit\" aria-label=\"Remove the \(Markup.esc(schedule.cadence.name)) schedule\">Remove</button></form></td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }

    /// Its versions (what each changed, from which import) and what people recorded about it, when the details have them.
    var history: String {
        guard let history = details.history else { return "" }
        var out = "<section aria-labelledby=\"history-heading\">\n<h2 id=\"history-heading\">History</h2>\n<h3>Versions</h3>\n"
        if history.steps.isEmpty {
            out += "<p class=\"empty\">No versions recorded.</p>\n"
        } else {
            out += "<div class=\"scroll\"><table class=\"versions\">\n" + Markup.head(["Since", "Imported", "Changes"]) + "<tbody>\n"
            for step in history.steps {
                let run = step.run.map { "<code>\(Markup.esc($0.path))</code> \(Markup.esc($0.importedAt))" + ($0.actor.map { " by \(Markup.esc($0))" } ?? "") }
                out += "<tr><td>\(step.since?.description ?? "the start")</td><td>\(run ?? "")</td><td><ul>"
                    + step.changes.map { "<li>\(Markup.esc($0))</li>" }.joined() + "</ul></td></tr>\n"
            }
            out += "</tbody>\n</table></div>\n"
        }
        out += "<h3>Recorded changes</h3>\n"
        guard !history.recorded.isEmpty else { return out + "<p class=\"empty\">Nothing recorded by hand.</p>\n</section>\n" }
        out += "<div class=\"scroll\"><table class=\"log\">\n" + Markup.head(["When", "Who", "What", "Change"]) + "<tbody>\n"
        for change in history.recorded.reversed() {
            out += "<tr><td>\(Markup.esc(change.at))</td><td>\(Markup.esc(change.actor))</td><td>\(change.action.rawValue)</td>"
                + "<td>\(Markup.esc(change.summary))</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }

    /// The types a review can be about.
    static let reviewable: Set<EntityType> = [.benefit, .metric, .objective, .programme]
}
