/// The columns the `register-csv` format understands, with the header spellings matched to each.
///
/// Headers are compared case-, space- and punctuation-insensitively ("Benefit Owner" = `benefit_owner`
/// = `BENEFIT-OWNER`); a YAML mapping file (`--mapping`) maps any other header to one of these names.
public enum RegisterColumn: String, CaseIterable, Sendable {
    // Identity of the four tables.
    case benefitId = "benefit_id"
    case deliverableId = "deliverable_id"
    case objectiveId = "objective_id"
    case metricId = "metric_id"
    // Shared.
    case programme, owner, organisation, notes
    // Benefits register.
    case description, kind
    case benefitClass = "class"
    case confidence
    case objectiveIds = "objective_ids"
    case deliverableIds = "deliverable_ids"
    case dependsOn = "depends_on"
    case realisationStart = "realisation_start"
    case realisationEnd = "realisation_end"
    case observableOutcome = "observable_outcome"
    case attribution
    case measurementMethod = "measurement_method"
    case metric, unit, direction
    case measureType = "measure_type"
    case frequency
    case dataSource = "data_source"
    case metricOwner = "metric_owner"
    case share
    case baselineValue = "baseline_value"
    case baselineDate = "baseline_date"
    case targetValue = "target_value"
    case targetDate = "target_date"
    // Objectives.
    case statement, parent, horizon
    // Deliverables.
    case name
    case plannedStart = "planned_start"
    case plannedFinish = "planned_finish"
    case baselineStart = "baseline_start"
    case baselineFinish = "baseline_finish"
    case forecastFinish = "forecast_finish"
    case actualStart = "actual_start"
    case actualFinish = "actual_finish"
    case percentComplete = "percent_complete"
    case status
    case deliveryConfidence = "delivery_confidence"
    case benefitIds = "benefit_ids"
    // Measurements and other dated values.
    case date, value, source
    // Programmes, organisations and links between any entities (the tables `export --format xlsx` writes, so
    // that a register workbook holds everything a plan does).
    case programmeId = "programme_id"
    case organisationId = "organisation_id"
    case linkKind = "link_kind"
    case fromId = "from_id"
    case toId = "to_id"
    case dependencyType = "dependency_type"
    case lagDays = "lag_days"
    /// The identifier the entity had in the file it first came from (an MS Project UID, an IATI identifier).
    case sourceRef = "source_ref"

    /// Other headers people use for this column, beyond its own name.
    var aliases: [String] {
        switch self {
        case .benefitId: ["benefit ref", "benefit reference", "benefit no"]
        case .deliverableId: ["deliverable ref", "project id", "task id", "output id"]
        case .objectiveId: ["objective ref", "vision id"]
        case .metricId: ["indicator id", "kpi id", "measure id", "metric ref"]
        case .owner: ["benefit owner", "responsible", "accountable owner", "sro", "senior responsible owner"]
        case .organisation: ["organization", "department", "body", "delivery organisation"]
        case .description: ["benefit", "benefit description", "benefit statement"]
        case .kind: ["type", "benefit type", "deliverable type", "value type"]
        case .benefitClass: ["benefit class", "category", "classification"]
        case .objectiveIds: ["objectives", "objective", "contributes to", "strategic objective"]
        case .deliverableIds: ["deliverables", "enablers", "enabled by", "enabling deliverables", "enabling projects"]
        case .dependsOn: ["dependencies", "predecessors", "depends on benefits"]
        case .realisationStart: ["realization start", "benefit start", "realisation from"]
        case .realisationEnd: ["realization end", "benefit end", "realisation to"]
        case .measurementMethod: ["measurement", "how measured", "measurement approach"]
        case .metric: ["metric name", "indicator", "kpi", "measure"]
        case .unit: ["units", "unit of measure"]
        case .measureType: ["measure type", "value kind"]
        case .frequency: ["collection frequency", "measurement frequency", "cadence"]
        case .dataSource: ["metric source", "data from"]
        case .share: ["attribution share", "attribution percent", "share percent"]
        case .baselineValue: ["baseline"]
        case .targetValue: ["target"]
        case .statement: ["vision", "objective statement", "vision statement"]
        case .name: ["deliverable", "deliverable name", "project name", "title", "task name"]
        case .plannedStart: ["start", "start date"]
        case .plannedFinish: ["finish", "end", "finish date", "end date", "due date"]
        case .forecastFinish: ["forecast", "forecast end"]
        case .percentComplete: ["percent", "complete", "progress"]
        case .deliveryConfidence: ["rag", "dca", "delivery confidence assessment"]
        case .benefitIds: ["benefits", "enables", "enables benefits"]
        case .date: ["measured on", "as of", "period end"]
        case .value: ["actual", "result"]
        case .source: ["measured by", "evidence"]
        case .notes: ["note", "comment", "comments"]
        case .programmeId: ["programme ref", "program id"]
        case .organisationId: ["organization id", "org id"]
        case .linkKind: ["relationship", "link"]
        case .dependencyType: ["link type"]
        case .lagDays: ["lag", "lag days"]
        case .sourceRef: ["source reference", "original id"]
        default: []
        }
    }

    /// Normalised header text: lower-case letters and digits only.
    static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(Character.init))
    }

    /// Normalised header → column, for every name and alias.
    static let byKey: [String: RegisterColumn] = {
        var table: [String: RegisterColumn] = [:]
        for column in allCases {
            table[key(column.rawValue)] = column
            for alias in column.aliases where table[key(alias)] == nil { table[key(alias)] = column }
        }
        return table
    }()
}
