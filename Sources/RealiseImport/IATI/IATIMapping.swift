import RealiseModel

/// Turns IATI records into Realise entities, links and values: the mapping the README's `iati` section describes, shared by the
/// `iati` and `results-csv` importers.
///
/// - An activity becomes a Deliverable of kind `project`, id = its `iati-identifier`. Its reporting and
///   participating organisations are written into its notes, not made Organisation entities (two files
///   naming the same body would collide on its id), and not put in `organisation`, which must name an
///   Organisation entity.
/// - `related-activity` type 1 (parent) or 2 (child) sets the parent only when both activities are in the
///   same file (or CSV group); otherwise the relation is kept in the notes with a warning, since a parent
///   that is defined nowhere would fail validation as a dangling reference.
/// - `description` type 2 becomes an Objective `<activity>#objectives`; every Benefit of the activity
///   contributes to it.
/// - A result of type 1 (output) becomes a Deliverable of kind `output` under its activity; types 2
///   (outcome) and 3 (impact) a Benefit enabled by the activity; type 9, a missing or an unknown type, a
///   Benefit with a warning. Its id is `<activity>#<ref>` when the source gives a ref (the CSV `result_ref`),
///   else `<activity>#R<n>` with n its 1-based position.
/// - Indicators: see `IATIMapper+Indicators.swift`.
struct IATIMapper {
    let format: ImportFormat
    let programme: String?
    /// What was mapped since the last hand-over to the sink (see `flush(into:)`).
    var plan = Plan()
    var warnings: [Diagnostic] = []
    /// The ids of the activities mapped so far (parents are set only within a file).
    var activityIds = Set<String>()
    var relations: [(activity: String, ref: String, type: String, at: IATILocation)] = []
    /// Values of the current activity already added (number, text, line), by metric, kind and day, to keep one per
    /// metric, kind and day. Metric ids belong to one activity, so this is emptied after each activity.
    var valuesByKey: [ValueKey: (value: Double?, text: String?, line: Int)] = [:]

    /// What makes a value one of a kind: its metric, kind and day.
    struct ValueKey: Hashable {
        var metric: String
        var kind: MetricValue.Kind
        var date: Day
    }

    init(format: ImportFormat, programme: String?) {
        self.format = format
        self.programme = programme
    }

    func source(_ at: IATILocation, _ identifier: String? = nil) -> SourceRef {
        SourceRef(path: at.path, line: at.line, column: 1, format: format.rawValue, identifier: identifier)
    }

    mutating func warn(_ at: IATILocation, _ message: String) {
        warnings.append(Diagnostic(.warning, path: at.path, line: at.line, column: 1, message))
    }

    /// Maps one activity with its results, handing what is mapped to `sink` once enough has gathered.
    mutating func map(_ activity: IATIActivity, fallbackId: String, into sink: any PlanSink, position: (Int, Int)? = nil) {
        map(activity, fallbackId: fallbackId)
        valuesByKey.removeAll(keepingCapacity: true)
        sink.flush(&plan, position: position)
    }

    /// Maps one activity with its results. `fallbackId` names an activity whose identifier is missing.
    mutating func map(_ activity: IATIActivity, fallbackId: String) {
        var id = activity.identifier ?? ""
        if id.isEmpty {
            id = fallbackId
            if !activity.isStub { warn(activity.at, "the activity has no iati-identifier; it was given the id '\(id)'") }
        }
        var objective: String?
        if !activity.isStub {
            mapActivity(activity, id: id)
            if let objectives = activity.objectives {
                objective = id + "#objectives"
                plan.objectives.append(Objective(
                    id: id + "#objectives", statement: IATINarrative.singleLine(objectives.text),
                    horizon: plan.deliverables.last { $0.id == id }?.plannedFinish, programme: programme,
                    notes: "Objectives of IATI activity \(id)", source: source(objectives.at)))
            }
        }
        var used = Set<String>()
        for (index, result) in activity.results.enumerated() {
            let resultId = childId(parent: id, ref: result.ref, letter: "R", position: index + 1, used: &used, at: result.at)
            mapResult(result, id: resultId, position: index + 1, activity: activity.isStub ? nil : id, objective: objective)
        }
    }

    private mutating func mapActivity(_ activity: IATIActivity, id: String) {
        if activity.title == nil { warn(activity.at, "activity '\(id)' has no title; its id is used as its name") }
        var deliverable = Deliverable(
            id: id, name: activity.title.map(IATINarrative.singleLine) ?? id, kind: .project,
            status: IATICodes.status(activity.status), programme: programme, source: source(activity.at, activity.identifier))
        for date in activity.dates { setDate(date, of: &deliverable) }
        if let start = deliverable.plannedStart, let finish = deliverable.plannedFinish, finish < start {
            warn(activity.at, "activity '\(id)' has its planned end \(finish) before its planned start \(start); the planned end was not imported")
            deliverable.plannedFinish = nil
        }
        if let start = deliverable.actualStart, let finish = deliverable.actualFinish, finish < start {
            warn(activity.at, "activity '\(id)' has its actual end \(finish) before its actual start \(start); the actual end was not imported")
            deliverable.actualFinish = nil
        }
        var notes: [String] = []
        if let description = activity.description { notes.append(description) }
        if let org = activity.reportingOrg, let text = IATIMapper.describe(org) { notes.append("Reporting organisation: " + text) }
        let participants = activity.participatingOrgs.compactMap(IATIMapper.describe)
        if !participants.isEmpty { notes.append("Participating organisations: " + participants.joined(separator: "; ")) }
        deliverable.notes = notes.isEmpty ? nil : notes.joined(separator: "\n")
        // The reporting organisation owns the activity (organisation is free text in the model).
        deliverable.organisation = activity.reportingOrg.flatMap { $0.name.map(IATINarrative.singleLine) ?? $0.ref }
        activityIds.insert(id)
        plan.deliverables.append(deliverable)
        relations += activity.related.map { (id, $0.ref, $0.type, $0.at) }
    }

    /// `Name (ref, role)`, nil when the organisation has neither name nor ref.
    static func describe(_ org: IATIOrganisation) -> String? {
        let details = [org.ref, IATICodes.role(org.role)].compactMap { $0 }.filter { !$0.isEmpty }
        guard let name = org.name.map(IATINarrative.singleLine) ?? org.ref else { return nil }
        let rest = details.filter { $0 != name }
        return rest.isEmpty ? name : "\(name) (\(rest.joined(separator: ", ")))"
    }

    private mutating func setDate(_ date: (type: String, date: String, at: IATILocation), of deliverable: inout Deliverable) {
        guard let role = IATICodes.dateRole(date.type) else {
            warn(date.at, "activity-date type '\(date.type.prefix(40))' is not 1–4 (planned start, actual start, planned end, actual end); ignored")
            return
        }
        guard let day = Day(iso: date.date.trimmed) else {
            warn(date.at, "activity-date '\(date.date.trimmed.prefix(40))' is not a date (YYYY-MM-DD); ignored")
            return
        }
        let path: WritableKeyPath<Deliverable, Day?> = switch role {
        case .plannedStart: \.plannedStart
        case .actualStart: \.actualStart
        case .plannedFinish: \.plannedFinish
        case .actualFinish: \.actualFinish
        }
        if let earlier = deliverable[keyPath: path] {
            if earlier != day { warn(date.at, "a second activity-date of type \(date.type) (\(day)) was ignored; the first (\(earlier)) is kept") }
            return
        }
        deliverable[keyPath: path] = day
    }

    /// `<parent>#<ref>` when a ref is given and free, else `<parent>#<letter><position>`, made unique.
    mutating func childId(parent: String, ref: String?, letter: String, position: Int, used: inout Set<String>,
                          at: IATILocation) -> String {
        var id = parent + "#" + (ref.map { $0.trimmed }.flatMap { $0.isEmpty ? nil : $0 } ?? "\(letter)\(position)")
        if used.contains(id) {
            var candidate = "\(parent)#\(letter)\(position)"
            var suffix = 1
            while used.contains(candidate) { suffix += 1; candidate = "\(parent)#\(letter)\(position)-\(suffix)" }
            warn(at, "'\(id)' is used twice; this one was given the id '\(candidate)'")
            id = candidate
        }
        used.insert(id)
        return id
    }

    private mutating func mapResult(_ result: IATIResult, id: String, position: Int, activity: String?, objective: String?) {
        let type = IATICodes.resultType(result.type)
        let name = result.title.map(IATINarrative.singleLine) ?? "Result \(position) of \(activity ?? id)"
        var benefit: String?
        if result.exists, type == .output {
            plan.deliverables.append(Deliverable(id: id, name: name, kind: .output, parent: activity, programme: programme,
                                                 notes: result.description, source: source(result.at, result.ref)))
        } else if result.exists {
            if type == nil || type == .other {
                let written = result.type.map { "type '\($0.prefix(20))'" } ?? "no type"
                warn(result.at, "result '\(id)' has \(written), not output (1), outcome (2) or impact (3); imported as a benefit")
            }
            let notes = [result.description, type == .impact ? "IATI impact result" : nil].compactMap { $0 }
            plan.benefits.append(Benefit(id: id, description: name, programme: programme,
                                         notes: notes.isEmpty ? nil : notes.joined(separator: "\n"), source: source(result.at, result.ref)))
            if let activity { plan.links.append(Link(kind: .enabledBy, from: id, to: activity, source: source(result.at))) }
            if let objective { plan.links.append(Link(kind: .contributesTo, from: id, to: objective, source: source(result.at))) }
            benefit = id
        }
        if benefit == nil, !result.indicators.isEmpty {
            let why = result.exists ? "is an output, which is a deliverable and cannot be measured by a metric"
                                    : "is not in the results table"
            warn(result.at, "result '\(id)' \(why); its \(result.indicators.count) indicator(s) are imported as metrics that measure no benefit")
        }
        var used = Set<String>()
        for (index, indicator) in result.indicators.enumerated() {
            let metricId = childId(parent: id, ref: indicator.ref, letter: "I", position: index + 1, used: &used, at: indicator.at)
            mapIndicator(indicator, id: metricId, position: index + 1, result: id, measures: benefit,
                         note: benefit != nil ? nil : result.exists ? "Indicator of IATI output \(id)"
                             : "Indicator of IATI result \(id), which is not in the results table")
        }
    }
}
