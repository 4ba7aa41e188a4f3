/// An indicator that measures a benefit or outcome, with dated baselines, targets and measurements.
public struct Metric: Entity {
    public static let type = EntityType.metric

    /// Which way is better.
    public enum Direction: String, KebabCaseEnum {
        case increase, decrease, maintain
        public static var aliases: [String: Direction] {
            ["up": .increase, "higher": .increase, "ascending": .increase,
             "down": .decrease, "lower": .decrease, "descending": .decrease, "stable": .maintain]
        }
    }

    /// What sort of value the metric takes; qualitative metrics are never judged numerically.
    public enum MeasureType: String, KebabCaseEnum {
        case number, percentage, currency, ordinal, qualitative
        public static var aliases: [String: MeasureType] {
            ["unit": .number, "count": .number, "percent": .percentage, "money": .currency, "nominal": .number]
        }
    }

    public var id: String
    public var name: String
    public var unit: String?
    public var direction: Direction
    public var measureType: MeasureType
    public var frequency: Frequency?
    public var dataSource: String?
    public var programme: String?
    public var owner: String?
    public var organisation: String?
    public var notes: String?
    public var source: SourceRef
    public var displayName: String { name }

    public init(id: String, name: String, unit: String? = nil, direction: Direction = .increase,
                measureType: MeasureType = .number, frequency: Frequency? = nil, dataSource: String? = nil,
                programme: String? = nil, owner: String? = nil, organisation: String? = nil,
                notes: String? = nil, source: SourceRef) {
        self.id = id
        self.name = name
        self.unit = unit
        self.direction = direction
        self.measureType = measureType
        self.frequency = frequency
        self.dataSource = dataSource
        self.programme = programme
        self.owner = owner
        self.organisation = organisation
        self.notes = notes
        self.source = source
    }
}

/// How often a metric is collected.
public enum Frequency: String, KebabCaseEnum {
    case weekly, fortnightly, monthly, quarterly
    case halfYearly = "half-yearly"
    case annually
    public static var aliases: [String: Frequency] {
        ["biweekly": .fortnightly, "yearly": .annually, "annual": .annually, "sixmonthly": .halfYearly,
         "biannually": .halfYearly, "quarter": .quarterly, "month": .monthly]
    }

    /// The nominal length of one period in days.
    public var days: Int {
        switch self {
        case .weekly: 7
        case .fortnightly: 14
        case .monthly: 31
        case .quarterly: 92
        case .halfYearly: 183
        case .annually: 366
        }
    }
}

/// One dated value of a metric: a baseline, a point on the target trajectory, or a measurement.
public struct MetricValue: Hashable, Sendable, Codable {
    /// The role of the value.
    public enum Kind: String, KebabCaseEnum {
        case baseline, target, measurement
        public static var aliases: [String: Kind] { ["actual": .measurement, "measure": .measurement] }
    }

    public var metric: String
    public var kind: Kind
    public var date: Day
    /// The number, or `nil` when the value is qualitative (kept in `text`).
    public var value: Double?
    /// The value as given when it is not a number ("Yes", "N=35;P=55").
    public var text: String?
    public var note: String?
    /// Where a measurement was taken from (a survey, a system, a review).
    public var dataSource: String?
    public var confidence: Confidence?
    public var source: SourceRef

    public init(metric: String, kind: Kind, date: Day, value: Double?, text: String? = nil, note: String? = nil,
                dataSource: String? = nil, confidence: Confidence? = nil, source: SourceRef) {
        self.metric = metric
        self.kind = kind
        self.date = date
        self.value = value
        self.text = text
        self.note = note
        self.dataSource = dataSource
        self.confidence = confidence
        self.source = source
    }
}
