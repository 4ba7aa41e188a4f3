import RealiseGaps
import RealiseModel
import RealiseReports

/// The entity's place in the network and its findings.
extension EntityPage {
    /// What it serves (upstream) and what serves it (downstream), as nested lists of links.
    var links: String {
        let view = EntityView(plan: details.plan)
        var out = "<section aria-labelledby=\"links-heading\">\n<h2 id=\"links-heading\">Linked entities</h2>\n"
        for (upstream, heading) in [(true, "Upstream: what it serves"), (false, "Downstream: what serves it")] {
            let branches = view.branches(of: id, upstream: upstream)
            out += "<h3>\(heading)</h3>\n"
            out += branches.isEmpty ? "<p class=\"empty\">Nothing.</p>\n" : Self.tree(branches) + "\n"
        }
        return out + "</section>\n"
    }

    private static func tree(_ branches: [EntityView.Branch]) -> String {
        "<ul class=\"tree\">" + branches.map { branch in
            "<li>\(Markup.esc(branch.relation)) <span class=\"type\">\(branch.type.rawValue)</span> \(Markup.entity(branch.id)) "
                + "<span class=\"name\">\(Markup.esc(branch.name))</span>" + (branch.seen ? " <span class=\"note\">(see above)</span>" : "")
                + (branch.branches.isEmpty ? "" : tree(branch.branches)) + "</li>"
        }.joined() + "</ul>"
    }

    /// The findings about the entity, worst first.
    var findings: String {
        let mine = report.findings.filter { $0.subject.id == id }.sorted { $0.severity > $1.severity }
        var out = "<section aria-labelledby=\"findings-heading\">\n<h2 id=\"findings-heading\">Findings (\(mine.count))</h2>\n"
        guard !mine.isEmpty else { return out + "<p class=\"empty\">No gaps found.</p>\n</section>\n" }
        out += "<div class=\"scroll\"><table class=\"findings\">\n" + Markup.head(["Severity", "Finding", "Evidence", "Owner", "What to do"]) + "<tbody>\n"
        for finding in mine {
            let evidence = finding.details.map { "<div><dt>\(Markup.esc($0.label))</dt><dd>\(Markup.esc($0.value))</dd></div>" }.joined()
            out += "<tr><td><span class=\"badge \(finding.severity.rawValue)\">\(finding.severity.rawValue.capitalized)</span></td>"
                + "<td><strong>\(Markup.esc(finding.title))</strong> <code>\(Markup.esc(finding.rule))</code><br/>\(Markup.esc(finding.message))</td>"
                + "<td>" + (evidence.isEmpty ? "" : "<dl class=\"evidence\">\(evidence)</dl>") + "</td>"
                + "<td>\(finding.owner.map(Markup.esc) ?? "<span class=\"none\">nobody named</span>")</td><td>\(Markup.esc(finding.hint))</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }

    /// The metrics a review of the entity takes measurements of: a metric itself, the metrics that measure a benefit or objective.
    var reviewedMetrics: [String] {
        guard let entry else { return [] }
        switch entry.type {
        case .metric: return [id]
        case .benefit, .objective:
            return details.plan.links.filter { $0.kind == .measures && $0.to == id }.map(\.from)
        default: return []
        }
    }
}
