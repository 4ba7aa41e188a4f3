/// The elements and attributes of an IATI activity that the reader keeps, named once per file: the reader
/// compares libxml2's dictionary pointers and the records compare these cases, so no name becomes a string.
enum IATIName: UInt8, CaseIterable {
    case activity, identifier, reportingOrg, title, description, participatingOrg, activityStatus, activityDate
    case relatedActivity, result, indicator, baseline, period, periodEnd, target, actual, comment, narrative
    /// Any other element inside a kept one: it holds nothing the mapping reads.
    case other

    /// The element's local name in the file.
    var text: String {
        switch self {
        case .activity: "iati-activity"
        case .identifier: "iati-identifier"
        case .reportingOrg: "reporting-org"
        case .title: "title"
        case .description: "description"
        case .participatingOrg: "participating-org"
        case .activityStatus: "activity-status"
        case .activityDate: "activity-date"
        case .relatedActivity: "related-activity"
        case .result: "result"
        case .indicator: "indicator"
        case .baseline: "baseline"
        case .period: "period"
        case .periodEnd: "period-end"
        case .target: "target"
        case .actual: "actual"
        case .comment: "comment"
        case .narrative: "narrative"
        case .other: ""
        }
    }

    /// Whether the element is kept as a child of `iati-activity` (with everything inside it); the other
    /// children — transactions, budgets, locations, most of a real file — are skipped.
    var isKept: Bool {
        switch self {
        case .identifier, .reportingOrg, .title, .description, .participatingOrg, .activityStatus, .activityDate,
             .relatedActivity, .result: true
        default: false
        }
    }

    /// Whether a message or a source may name the element's line; the others (narratives, titles,
    /// comments…) are not located, which spares the line lookup for most elements.
    var isLocated: Bool {
        switch self {
        case .activity, .description, .activityDate, .relatedActivity, .result, .indicator, .baseline, .period,
             .periodEnd, .target, .actual: true
        default: false
        }
    }

    /// Whether the element's own text is read: a narrative, a 1.0x text written in the element, an
    /// identifier or a date written as text.
    var keepsText: Bool {
        switch self {
        case .identifier, .reportingOrg, .title, .description, .participatingOrg, .activityDate, .relatedActivity,
             .periodEnd, .comment, .narrative: true
        default: false
        }
    }

    /// The attributes the records read, by local name (`xml:lang` is `lang`); the others are checked
    /// against the length limit and dropped.
    enum Attribute: UInt8, CaseIterable {
        case lang, lastUpdated, type, ref, role, code, isoDate, measure, ascending, value, year

        var text: String {
            switch self {
            case .lang: "lang"
            case .lastUpdated: "last-updated-datetime"
            case .type: "type"
            case .ref: "ref"
            case .role: "role"
            case .code: "code"
            case .isoDate: "iso-date"
            case .measure: "measure"
            case .ascending: "ascending"
            case .value: "value"
            case .year: "year"
            }
        }
    }
}
