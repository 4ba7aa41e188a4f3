import RealiseModel

/// Joins the `results-csv` tables into IATI activity records: results to activities by
/// `activity_identifier`, indicators to results by `result_ref`, periods to indicators by `indicator_ref`.
///
/// What has nowhere to hang is handled with a warning rather than refused:
/// - results of an activity with no row in an activities table (or with no activities table at all) get a
///   minimal activity named by its identifier, so they still have a project to be enabled by or to sit under;
/// - indicators whose result is not in the results table are kept as metrics that measure nothing;
/// - periods whose indicator is not in the indicators table, and descriptions or organisations of an
///   unknown activity, are skipped.
struct ResultsCSVJoin {
    private(set) var activities: [IATIActivity] = []
    private(set) var warnings: [Diagnostic] = []
    private var activityIndex: [String: Int] = [:]
    private var resultIndex: [String: (activity: Int, result: Int)] = [:]
    private var indicatorIndex: [String: (activity: Int, result: Int, indicator: Int)] = [:]
    private var languages: [String: String] = [:]
    private var descriptions: [String: [IATINarrative.Candidate]] = [:]
    private var descriptionLines: [String: IATILocation] = [:]

    /// Joins the tables (in any order given).
    init(tables: [ResultsTable]) {
        let ordered = tables.enumerated().sorted { ($0.element.kind.rawValue, $0.offset) < ($1.element.kind.rawValue, $1.offset) }
        for table in ordered.map(\.element) {
            for row in table.rows {
                let at = IATILocation(path: table.path, line: row.line)
                guard let activity = row["activityidentifier"] else {
                    warn(at, "the row has no activity_identifier; it was skipped")
                    continue
                }
                switch table.kind {
                case .activities: addActivity(row, id: activity, at: at)
                case .results: addResult(row, activity: activity, at: at)
                case .descriptions: addDescription(row, activity: activity, at: at)
                case .participatingOrgs:
                    guard let index = known(activity, at, "organisation") else { continue }
                    activities[index].participatingOrgs.append(IATIOrganisation(name: row["orgname"], ref: row["orgref"], role: row["role"]))
                case .indicators: addIndicator(row, activity: activity, at: at)
                case .periods: addPeriod(row, activity: activity, at: at)
                }
            }
        }
        for (key, candidates) in descriptions {
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            guard parts.count == 2, let index = activityIndex[parts[0]],
                  let text = IATINarrative.choose(candidates, defaultLanguage: languages[parts[0]]) else { continue }
            if parts[1] == "2" { activities[index].objectives = (text, descriptionLines[key]!) }
            if parts[1] == "1", activities[index].description == nil { activities[index].description = text }
        }
    }

    private mutating func warn(_ at: IATILocation, _ message: String) {
        warnings.append(Diagnostic(.warning, path: at.path, line: at.line, column: 1, message))
    }

    /// The activity's position, or nil (with a warning) when no table has defined it.
    private mutating func known(_ activity: String, _ at: IATILocation, _ what: String) -> Int? {
        if let index = activityIndex[activity], !activities[index].isStub { return index }
        warn(at, "the \(what) row is for activity '\(activity)', which no activities or results row defines; it was skipped")
        return nil
    }

    private mutating func addActivity(_ row: ResultsTable.Row, id: String, at: IATILocation) {
        if let index = activityIndex[id] {
            warn(at, "activity '\(id)' is already defined at line \(activities[index].at.line); this row was skipped")
            return
        }
        var activity = IATIActivity(identifier: id, at: at)
        activity.title = row["title"]
        activity.description = row["description"]
        activity.status = row["activitystatus"]
        if row["reportingorgname"] != nil || row["reportingorgref"] != nil {
            activity.reportingOrg = IATIOrganisation(name: row["reportingorgname"], ref: row["reportingorgref"])
        }
        for (type, column) in [("1", "plannedstartdate"), ("2", "actualstartdate"), ("3", "plannedenddate"), ("4", "actualenddate")] {
            if let date = row[column] { activity.dates.append((type, date, at)) }
        }
        languages[id] = row["xmllang"]
        activityIndex[id] = activities.count
        activities.append(activity)
    }

    private mutating func addResult(_ row: ResultsTable.Row, activity id: String, at: IATILocation) {
        if activityIndex[id] == nil {
            warn(at, "activity '\(id)' has no row in an activities table; a minimal project named by its identifier was made for its results")
            var activity = IATIActivity(identifier: id, at: at)
            activity.title = id
            activityIndex[id] = activities.count
            activities.append(activity)
        }
        let index = activityIndex[id]!
        let ref = row["resultref"]
        let key = "\(id)\u{0}\(ref ?? "#\(activities[index].results.count + 1)")"
        if ref != nil, let earlier = resultIndex[key] {
            warn(at, "result '\(ref!)' of activity '\(id)' is already defined at line \(activities[earlier.activity].results[earlier.result].at.line); this row was skipped")
            return
        }
        resultIndex[key] = (index, activities[index].results.count)
        activities[index].results.append(IATIResult(ref: ref, type: row["resulttype"], title: row["title"],
                                                    description: row["description"], at: at))
    }

    private mutating func addDescription(_ row: ResultsTable.Row, activity: String, at: IATILocation) {
        guard known(activity, at, "description") != nil, let text = row["narrative"] else { return }
        let key = "\(activity)\u{0}\(row["descriptiontype"] ?? "1")"
        descriptions[key, default: []].append(IATINarrative.Candidate(language: row["narrativelang"], text: text))
        if descriptionLines[key] == nil { descriptionLines[key] = at }
    }

    private mutating func addIndicator(_ row: ResultsTable.Row, activity id: String, at: IATILocation) {
        let resultRef = row["resultref"] ?? ""
        let resultKey = "\(id)\u{0}\(resultRef)"
        if resultIndex[resultKey] == nil {
            if activityIndex[id] == nil {
                var stub = IATIActivity(identifier: id, at: at)
                stub.isStub = true
                activityIndex[id] = activities.count
                activities.append(stub)
            }
            let index = activityIndex[id]!
            var result = IATIResult(ref: resultRef.isEmpty ? nil : resultRef, type: nil, title: nil, description: nil, at: at)
            result.exists = false
            resultIndex[resultKey] = (index, activities[index].results.count)
            activities[index].results.append(result)
        }
        let (a, r) = resultIndex[resultKey]!
        let ref = row["indicatorref"]
        let key = "\(resultKey)\u{0}\(ref ?? "#\(activities[a].results[r].indicators.count + 1)")"
        if ref != nil, indicatorIndex[key] != nil {
            warn(at, "indicator '\(ref!)' of result '\(resultRef)' is defined twice; this row was skipped")
            return
        }
        var indicator = IATIIndicator(ref: ref, measure: row["indicatormeasure"], ascending: row["ascending"],
                                      title: row["title"], description: row["description"], at: at)
        if [row["baselinevalue"], row["baselinecomment"], row["baselineyear"], row["baselineisodate"]].contains(where: { $0 != nil }) {
            indicator.baselines = [IATIBaseline(value: IATIValue(value: row["baselinevalue"], comment: row["baselinecomment"], at: at),
                                                year: row["baselineyear"], isoDate: row["baselineisodate"])]
        }
        indicatorIndex[key] = (a, r, activities[a].results[r].indicators.count)
        activities[a].results[r].indicators.append(indicator)
    }

    private mutating func addPeriod(_ row: ResultsTable.Row, activity: String, at: IATILocation) {
        let key = "\(activity)\u{0}\(row["resultref"] ?? "")\u{0}\(row["indicatorref"] ?? "")"
        guard let (a, r, i) = indicatorIndex[key] else {
            warn(at, "the period is for indicator '\(row["indicatorref"] ?? "")' of result '\(row["resultref"] ?? "")' of activity '\(activity)', which is not in the indicators table; it was skipped")
            return
        }
        var period = IATIPeriod(end: row["periodend"], at: at)
        if row["targetvalue"] != nil || row["targetcomment"] != nil {
            period.targets = [IATIValue(value: row["targetvalue"], comment: row["targetcomment"], at: at)]
        }
        if row["actualvalue"] != nil || row["actualcomment"] != nil {
            period.actuals = [IATIValue(value: row["actualvalue"], comment: row["actualcomment"], at: at)]
        }
        activities[a].results[r].indicators[i].periods.append(period)
    }
}
