import RealiseGaps
import RealiseModel

/// The HTML report's actions: beside each finding its open actions, and a section with every open action and
/// those closed since the last review.
extension HTMLGapRenderer {
    /// The open actions on the findings, each once, under the subject.
    static func actions(_ findings: [Finding]) -> String {
        var seen = Set<Int64>()
        let actions = findings.flatMap(\.actions).filter { seen.insert($0.id).inserted }
        guard !actions.isEmpty else { return "" }
        return "<ul class=\"actions\">" + actions.map { "<li>Action \(HTMLText.escape($0.account))</li>" }.joined() + "</ul>"
    }

    func actions(_ report: GapReport) -> String {
        let actions = report.actions
        guard !actions.isEmpty else { return "" }
        var out = "<section id=\"actions\">\n<h2>Actions</h2>\n"
        if !actions.open.isEmpty {
            out += "<h3>Open (\(actions.open.count))</h3>\n<table class=\"actions\">\n<thead><tr><th scope=\"col\">#</th>"
                + "<th scope=\"col\">On</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">Standing</th>"
                + "<th scope=\"col\">Agreed</th></tr></thead>\n<tbody>\n"
            for open in actions.open {
                let action = open.action
                out += "<tr><td>\(action.id)</td><td><code>\(HTMLText.escape(action.target))</code></td>"
                    + "<td>\(HTMLText.escape(action.owner))</td><td>\(action.due)</td>"
                    + "<td\(open.daysOverdue > 0 ? " class=\"overdue\"" : "")>\(HTMLText.escape(ActionWording.standing(open)))</td>"
                    + "<td>\(action.opened.on)\(action.opened.note.map { ": " + HTMLText.escape($0) } ?? "")</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        if !actions.closedSinceReview.isEmpty {
            out += "<h3>Closed since the last review (\(actions.closedSinceReview.count))</h3>\n<table class=\"actions\">\n"
                + "<thead><tr><th scope=\"col\">#</th><th scope=\"col\">On</th><th scope=\"col\">Owner</th>"
                + "<th scope=\"col\">Closed</th><th scope=\"col\">What was done</th></tr></thead>\n<tbody>\n"
            for action in actions.closedSinceReview {
                let closed = action.closed!
                out += "<tr><td>\(action.id)</td><td><code>\(HTMLText.escape(action.target))</code></td>"
                    + "<td>\(HTMLText.escape(action.owner))</td><td>\(closed.on) by \(HTMLText.escape(closed.by))</td>"
                    + "<td>\(HTMLText.escape(closed.note ?? ""))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }
}
