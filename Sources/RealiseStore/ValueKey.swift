import RealiseModel

/// A value's key in the workspace: its metric, kind and day (a chunk states each once per part).
struct ValueKey: Hashable {
    let metric: String
    let kind: MetricValue.Kind
    let day: Day
}

extension ValueKey {
    init(_ value: MetricValue) { self.init(metric: value.metric, kind: value.kind, day: value.date) }
}
