/// The fields of the GMPP annual data Realise uses, and the matching of a year's labels to them by meaning.
///
/// Labels change every year ("MPA RAG rating" in 2014, "IPA Delivery Confidence Assessment" in 2023,
/// `colour_rating` twice in the 2022 re-publication; "2013/2014 Budget (£million)", "Financial Year Baseline
/// (£m) 2022/23"), so a label is matched on its words, not its spelling: only the part before its first
/// `(` or line break counts (the rest is explanation, e.g. "(A Delivery Confidence Assessment of the project
/// … in the IPA Annual Report …)"), and narrative or commentary columns are never fields.
enum GMPPField: String, CaseIterable, Sendable {
    case id, name, department, category, description, year
    /// The IPA's (earlier the MPA's) Delivery Confidence Assessment.
    case ipaDCA
    /// The Senior Responsible Owner's own Delivery Confidence Assessment.
    case sroDCA
    case start, baselineStart, end, baselineEnd, forecastEnd
    /// The financial year's baseline budget (£m).
    case budget
    /// The financial year's forecast spend (£m).
    case forecast
    /// The baseline whole-life cost (£m).
    case wholeLifeCost
    /// The baseline monetised benefits (£m).
    case benefits

    /// What the notes call it.
    var label: String {
        switch self {
        case .id: "GMPP ID"
        case .name: "Project name"
        case .department: "Department"
        case .category: "Category"
        case .description: "Description"
        case .year: "Reporting year"
        case .ipaDCA: "IPA DCA"
        case .sroDCA: "SRO DCA"
        case .start: "Start date"
        case .baselineStart: "Baseline start date"
        case .end: "End date"
        case .baselineEnd: "Baseline end date"
        case .forecastEnd: "Forecast end date"
        case .budget: "Financial-year budget"
        case .forecast: "Financial-year forecast"
        case .wholeLifeCost: "Whole-life cost"
        case .benefits: "Baseline benefits"
        }
    }

    /// A Delivery Confidence Assessment label that does not say whose it is (`colour_rating`, "RAG rating",
    /// "Delivery Confidence Assessment"): the first such column is the IPA's, the second the SRO's.
    static let unattributedDCA = "dca?"

    private static let idKeys: Set<String> = [
        "gmppidnumber", "gmppid", "gmppidno", "gmppnumber", "gmppreference", "gmppref", "projectnumber",
        "projectid", "projectidnumber", "projectreference", "projectref",
    ]
    private static let nameKeys: Set<String> = ["projectname", "name", "project", "projecttitle", "programmename", "projectprogrammename"]
    private static let departmentKeys: Set<String> = ["department", "dept", "departmentname", "leaddepartment", "departmentagency"]

    /// The field a header label names, `unattributedDCA` for a DCA that does not say whose, or nil.
    static func match(_ label: String) -> String? {
        let head = Substring(label).prefix { $0 != "(" && !$0.isNewline }
        let words = head.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let key = words.joined()
        guard !key.isEmpty else { return nil }
        let has = { (word: String) in words.contains(word) }
        if ["narrative", "commentary", "comment", "comments", "explanation", "reason", "reasons"].contains(where: has) {
            return nil
        }
        if idKeys.contains(key) { return GMPPField.id.rawValue }
        if nameKeys.contains(key) { return GMPPField.name.rawValue }
        if departmentKeys.contains(key) { return GMPPField.department.rawValue }
        if key.contains("category") { return GMPPField.category.rawValue }
        if key.hasPrefix("description") { return GMPPField.description.rawValue }
        if ["year", "reportyear", "reportingyear", "annualreportyear"].contains(key) { return GMPPField.year.rawValue }
        if key.contains("deliveryconfidence") || key.contains("ragrating") || key.contains("colourrating")
            || key.contains("ragstatus") || has("dca") || key == "rag" {
            if has("sro") || key.contains("seniorresponsibleowner") { return GMPPField.sroDCA.rawValue }
            if has("ipa") || has("mpa") { return GMPPField.ipaDCA.rawValue }
            return unattributedDCA
        }
        return dateField(words, key) ?? moneyField(words, key)
    }

    private static func dateField(_ words: [String], _ key: String) -> String? {
        let dated = words.contains("date") || key.hasSuffix("date")
        let original = words.contains("baseline") || words.contains("original")
        if dated && key.contains("start") {
            return (original ? GMPPField.baselineStart : GMPPField.start).rawValue
        }
        if dated && (key.contains("enddate") || words.contains("end") || key.contains("finish") || key.contains("completion")) {
            if words.contains("forecast") { return GMPPField.forecastEnd.rawValue }
            return (original ? GMPPField.baselineEnd : GMPPField.end).rawValue
        }
        return nil
    }

    private static func moneyField(_ words: [String], _ key: String) -> String? {
        if key.contains("variance") { return nil }
        if key.contains("wholelife") || words.contains("wlc") || key.hasPrefix("wlc") {
            return key.contains("forecast") ? nil : GMPPField.wholeLifeCost.rawValue
        }
        if key.contains("benefit") { return key.contains("forecast") ? nil : GMPPField.benefits.rawValue }
        if key.contains("forecast") { return GMPPField.forecast.rawValue }
        if key.contains("budget") || key.contains("baseline") { return GMPPField.budget.rawValue }
        return nil
    }

    /// Resolves a list of labels to fields: unattributed DCAs in order (IPA, then SRO), and the first of two
    /// labels for the same field wins (the others are returned as duplicates, with their index).
    static func resolve(_ labels: [String]) -> (fields: [GMPPField?], duplicates: [(Int, GMPPField)]) {
        var taken = Set<GMPPField>()
        var duplicates: [(Int, GMPPField)] = []
        var fields: [GMPPField?] = []
        for (index, label) in labels.enumerated() {
            var field = match(label).flatMap(GMPPField.init(rawValue:))
            if match(label) == unattributedDCA { field = taken.contains(.ipaDCA) ? .sroDCA : .ipaDCA }
            if let chosen = field, !taken.insert(chosen).inserted {
                duplicates.append((index, chosen))
                field = nil
            }
            fields.append(field)
        }
        return (fields, duplicates)
    }

    /// Whether a set of labels reads as GMPP data: a department, a project id or name, a Delivery Confidence
    /// Assessment, something only GMPP says (a GMPP id, or a DCA that says whose it is or is a
    /// `colour_rating`/RAG rating rather than a bare "Delivery Confidence"), and no register id column.
    static func looksLikeGMPP(_ labels: [String]) -> Bool {
        let matched = Set(labels.compactMap(match))
        let keys = Set(labels.map { RegisterColumn.key(String(Substring($0).prefix { $0 != "(" && !$0.isNewline })) })
        guard matched.contains(GMPPField.department.rawValue),
              matched.contains(GMPPField.id.rawValue) || matched.contains(GMPPField.name.rawValue),
              !matched.isDisjoint(with: [GMPPField.ipaDCA.rawValue, GMPPField.sroDCA.rawValue, unattributedDCA]) else { return false }
        // A register table (Benefit ID, Deliverable ID, Task ID, …) is never GMPP, whatever else it has;
        // "Project ID" is both a GMPP and a register spelling and does not decide.
        let registerIds: Set<RegisterColumn> = [.benefitId, .deliverableId, .objectiveId, .metricId]
        if keys.contains(where: { $0 != "projectid" && RegisterColumn.byKey[$0].map(registerIds.contains) == true }) { return false }
        let gmppOnly = keys.contains { $0.hasPrefix("gmpp") || $0.contains("colourrating") || $0.contains("ragrating") }
            || !matched.isDisjoint(with: [GMPPField.ipaDCA.rawValue, GMPPField.sroDCA.rawValue])
        return gmppOnly
    }
}
