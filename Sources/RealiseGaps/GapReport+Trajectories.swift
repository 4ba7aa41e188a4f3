import RealiseModel

extension GapReport {
    /// The trajectory each metric's baseline and targets made on the `since` day (`earlierTargets`), by metric id, for
    /// the metrics whose numeric baselines and targets differ from today's and have a target: what the plan promised
    /// then, to draw beside what it promises now. Empty without a comparison.
    public var earlierTrajectories: [String: Trajectory] {
        guard !earlierTargets.isEmpty else { return [:] }
        let current = Dictionary(grouping: plan.values.filter { earlierTargets[$0.metric] != nil }, by: \.metric)
        var result: [String: Trajectory] = [:]
        for metric in plan.metrics where result[metric.id] == nil {
            guard let earlier = earlierTargets[metric.id].map({ Self.promises($0, of: metric) }),
                  // Compared by kind, day and number only: a note or a data source changed is no new trajectory.
                  Self.key(earlier) != Self.key(Self.promises(current[metric.id] ?? [], of: metric)),
                  let trajectory = Trajectory(metric: metric, values: earlier.sorted { $0.date < $1.date }, fraction: tolerance)
            else { continue }
            result[metric.id] = trajectory
        }
        return result
    }

    /// The numeric baselines and targets of `metric` among `values`.
    private static func promises(_ values: [MetricValue], of metric: Metric) -> [MetricValue] {
        values.filter { $0.metric == metric.id && $0.kind != .measurement && $0.value != nil }
    }

    private static func key(_ values: [MetricValue]) -> [String] {
        values.map { "\($0.kind.rawValue) \($0.date) \($0.value!)" }.sorted()
    }
}
