import RealiseModel

/// How a metric's quantities are written: `45%`, `£1,200`, `1,150 trips per month`, or a bare number.
struct QuantityUnit: Sendable {
    var prefix = ""
    var suffix = ""

    static let none = QuantityUnit()

    init(prefix: String = "", suffix: String = "") {
        self.prefix = prefix
        self.suffix = suffix
    }

    /// The unit of a metric, read from its unit text and measure type.
    init(_ metric: Metric) {
        let unit = metric.unit.named ?? ""
        if ["%", "percent", "per cent", "percentage"].contains(unit.lowercased()) || (unit.isEmpty && metric.measureType == .percentage) {
            suffix = "%"
        } else if let first = unit.first, "£$€".contains(first) {
            // `£m`: the symbol before the number, the rest after it.
            prefix = String(first)
            suffix = String(unit.dropFirst())
        } else if !unit.isEmpty {
            suffix = " " + unit
        }
    }

    func apply(_ number: String) -> String {
        guard !prefix.isEmpty, number.hasPrefix("-") else { return prefix + number + suffix }
        return "-" + prefix + number.dropFirst() + suffix
    }
}
