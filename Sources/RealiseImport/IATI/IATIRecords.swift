/// The IATI results framework as read from either source — activity XML (`iati`) or the flat CSV tables
/// (`results-csv`) — before it is mapped to Realise's model. Both readers produce these records and
/// `IATIMapper` turns them into entities, so the two formats map the same way.
///
/// Text is already chosen by language and trimmed; codes and dates are kept as written so the mapper can
/// say exactly what it could not use.

/// Where a record was read. A group of CSV tables spans several files, so each record carries its own path.
struct IATILocation: Sendable {
    var path: String
    var line: Int
}

/// A reporting or participating organisation.
struct IATIOrganisation: Sendable {
    var name: String?
    var ref: String?
    /// The participating-org role, as written (`1`…`4` or `Funding`, `Implementing`, …).
    var role: String?
}

/// A dated value of an indicator: a baseline, a period's target or its actual.
struct IATIValue: Sendable {
    /// `@value` (or the CSV cell) as written; nil when absent or empty.
    var value: String?
    /// The comment's text, chosen by language.
    var comment: String?
    var at: IATILocation
}

/// An indicator's baseline: its value and the date parts it may carry.
struct IATIBaseline: Sendable {
    var value: IATIValue
    var year: String?
    var isoDate: String?
}

/// One reporting period of an indicator.
struct IATIPeriod: Sendable {
    /// The period end as written (`@iso-date` or, in 1.0x files, the element's text).
    var end: String?
    var at: IATILocation
    var targets: [IATIValue] = []
    var actuals: [IATIValue] = []
}

/// A result indicator.
struct IATIIndicator: Sendable {
    /// The identifier the source gives the indicator (the CSV `indicator_ref`, an XML `@ref`), if any.
    var ref: String?
    var measure: String?
    var ascending: String?
    var title: String?
    var description: String?
    var at: IATILocation
    var baselines: [IATIBaseline] = []
    var periods: [IATIPeriod] = []
}

/// A result of an activity.
struct IATIResult: Sendable {
    /// The identifier the source gives the result (the CSV `result_ref`, an XML `@ref`), if any.
    var ref: String?
    /// The result type as written (`1`, `2`, `3`, `9` or `output`, `outcome`, `impact`, `other`).
    var type: String?
    var title: String?
    var description: String?
    var at: IATILocation
    var indicators: [IATIIndicator] = []
    /// False for a result the indicators table names but the results table lacks: its indicators are
    /// kept, but no entity is made for it.
    var exists = true
}

/// One `iati-activity` (or one row of the activities table with its results).
struct IATIActivity: Sendable {
    /// The `iati-identifier`, trimmed; nil when missing or empty.
    var identifier: String?
    var at: IATILocation
    var title: String?
    /// The general description (type 1).
    var description: String?
    /// The objectives description (type 2) and where it was written.
    var objectives: (text: String, at: IATILocation)?
    var reportingOrg: IATIOrganisation?
    var participatingOrgs: [IATIOrganisation] = []
    /// The activity-status code as written.
    var status: String?
    /// `activity-date`s: type as written (`1`…`4`, `start-planned`, …), the date text, and where.
    var dates: [(type: String, date: String, at: IATILocation)] = []
    /// `related-activity`s: the other activity's identifier and the relation type as written.
    var related: [(ref: String, type: String, at: IATILocation)] = []
    var results: [IATIResult] = []
    /// True for a container of results or indicators whose activity is known only by its identifier
    /// and for which no deliverable is made.
    var isStub = false

    init(identifier: String?, at: IATILocation) {
        self.identifier = identifier
        self.at = at
    }
}
