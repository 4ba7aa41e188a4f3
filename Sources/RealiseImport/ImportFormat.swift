/// The plan formats Realise reads. The raw value is the id used by `--from` and in import summaries.
public enum ImportFormat: String, CaseIterable, Sendable, Codable {
    /// Realise's own plan XML, namespace `urn:realise:plan:1`, validated against the shipped XSD.
    case realiseXML = "realise-xml"
    /// A benefits register as CSV, with companion tables for objectives, deliverables and measurements.
    case registerCSV = "register-csv"
}
