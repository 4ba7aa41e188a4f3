import RealiseModel

/// A day of the week, in RFC 5545's two-letter form.
public enum Weekday: Int, CaseIterable, Sendable, Hashable {
    case monday = 0, tuesday, wednesday, thursday, friday, saturday, sunday

    /// `MO`, `TU`, …
    public var code: String { ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue] }

    public init?(code: String) {
        guard let index = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].firstIndex(of: code) else { return nil }
        self.init(rawValue: index)
    }

    /// The weekday of a day (1970-01-01 was a Thursday).
    public init(of day: Day) {
        self.init(rawValue: ((day.dayNumber % 7) + 7 + 3) % 7)!
    }
}
