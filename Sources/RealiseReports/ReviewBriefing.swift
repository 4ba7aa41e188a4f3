import RealiseModel

/// What a reviewer should bring to a review: the metrics behind its subject with their latest value and
/// next target, one line each (used in the calendar's event descriptions).
public enum ReviewBriefing {
    public static func metricsToBring(subject: String, plan: Plan, asOf: Day) -> [String] {
        let measures = plan.links.filter { $0.kind == .measures }
        let contributes = plan.links.filter { $0.kind == .contributesTo }
        var metricIds: [String]
        if plan.metrics.contains(where: { $0.id == subject }) {
            metricIds = [subject]
        } else if plan.benefits.contains(where: { $0.id == subject }) {
            metricIds = measures.filter { $0.to == subject }.map(\.from)
        } else if plan.programmes.contains(where: { $0.id == subject }) {
            metricIds = plan.metrics.filter { $0.programme == subject }.map(\.id)
        } else {
            let benefits = Set(contributes.filter { $0.to == subject }.map(\.from))
            metricIds = measures.filter { benefits.contains($0.to) }.map(\.from)
        }
        var seen = Set<String>()
        metricIds = metricIds.filter { seen.insert($0).inserted }
        let values = Dictionary(grouping: plan.values, by: \.metric)
        return metricIds.compactMap { id in
            guard let metric = plan.metrics.first(where: { $0.id == id }) else { return nil }
            let mine = (values[id] ?? []).sorted { $0.date < $1.date }
            var line = "\(id.escapingControls) \(metric.name.escapingControls)" + (metric.unit.map { " (\($0.escapingControls))" } ?? "")
            if let latest = mine.last(where: { $0.kind == .measurement && $0.date <= asOf }) {
                line += ": latest \(latest.value?.plainText ?? latest.text ?? "?") on \(latest.date)"
            } else {
                line += ": not yet measured"
            }
            if let next = mine.first(where: { $0.kind == .target && $0.date >= asOf }) {
                line += "; next target \(next.value?.plainText ?? next.text ?? "?") by \(next.date)"
            }
            return line
        }
    }
}
