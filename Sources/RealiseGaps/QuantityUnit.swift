import RealiseModel

/// How a metric's quantities are written: `45%`, `£1,200`, `1,150 trips per month`, or a bare number.
struct QuantityUnit: Sendable {
    var prefix = ""
    var suffix = ""
    /// Whether the quantity can be below zero: a count, an amount of money, a percentage, a score on a scale
    /// or a duration cannot; a change, a net figure, a balance or a temperature can.
    var canBeNegative = true

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
        let words = Set(unit.lowercased().split { !$0.isLetter }.map(String.init))
        canBeNegative = !words.isDisjoint(with: Self.signedWords) || unit.contains { "°±".contains($0) } || unit.contains("+/-")
    }

    /// Words in a unit that name a quantity with a sign (`% change`, `net £m`, `degrees C`).
    private static let signedWords: Set<String> = [
        "change", "net", "balance", "difference", "delta", "growth", "surplus", "deficit", "degree", "degrees", "celsius", "fahrenheit",
    ]

    func apply(_ number: String) -> String {
        guard !prefix.isEmpty, number.hasPrefix("-") else { return prefix + number + suffix }
        return "-" + prefix + number.dropFirst() + suffix
    }
}

extension Metric {
    /// Whether this metric's quantity can be below zero (see `QuantityUnit`): charts do not draw a negative
    /// value axis for one that cannot unless a value is negative.
    public var canBeNegative: Bool { QuantityUnit(self).canBeNegative }
}
