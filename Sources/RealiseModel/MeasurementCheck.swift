/// What is odd about a measurement typed in by a person: each is worth a second look, none stops it being
/// recorded (a late quarter can be dated ahead by mistake, but a plan can also measure growth over 100 %).
public struct MeasurementCheck: Sendable, Hashable {
    /// The metric's id, as the warnings name it.
    public var metric: String
    /// Its unit (`percent`, `trips per month`), when the plan gives one.
    public var unit: String?
    public var measureType: Metric.MeasureType
    /// Its latest baseline value, when it has one.
    public var baseline: Double?
    /// Its final target value (the latest-dated), when it has one.
    public var target: Double?

    /// How many baseline-to-target distances a value may lie beyond them before it looks implausible.
    public static let plausibleDistances = 10.0

    public init(metric: String, unit: String?, measureType: Metric.MeasureType, baseline: Double?, target: Double?) {
        self.metric = metric
        self.unit = unit
        self.measureType = measureType
        self.baseline = baseline
        self.target = target
    }

    /// Whether the metric's values are percentages, by its measure type or its unit.
    public var isPercentage: Bool {
        measureType == .percentage || ["%", "percent", "per cent", "percentage"].contains(unit?.lowercased() ?? "")
    }

    /// The values within `plausibleDistances` baseline-to-target distances of the two; nil when the metric has
    /// no baseline or no target, or they are equal (no distance to scale by).
    public var plausibleRange: ClosedRange<Double>? {
        guard let baseline, let target, baseline != target else { return nil }
        let reach = abs(target - baseline) * MeasurementCheck.plausibleDistances
        return (min(baseline, target) - reach)...(max(baseline, target) + reach)
    }

    /// One sentence per thing to check about `value` measured on `date`, as of `today`; empty when none.
    public func warnings(value: Double, date: Day, today: Day) -> [String] {
        var warnings: [String] = []
        if date > today {
            warnings.append("\(date) is in the future (today is \(today)); if that is a mistake, "
                            + "delete it with `realise measure --delete \(metric) --date \(date)`")
        }
        if isPercentage, value > 100 {
            warnings.append("\(metric) is a percentage and \(value.plainText) is over 100; check the value")
        }
        if let range = plausibleRange, let baseline, let target, !range.contains(value) {
            let unit = self.unit.map { " (\($0))" } ?? ""
            warnings.append("\(value.plainText) is far outside \(metric)'s plausible range: more than "
                            + "\(MeasurementCheck.plausibleDistances.plainText)× the distance from its baseline \(baseline.plainText) "
                            + "to its target \(target.plainText) away from them; check the value and its unit\(unit)")
        }
        return warnings
    }
}
