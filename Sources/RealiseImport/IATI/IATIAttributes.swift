/// The attributes of an IATI element that the records read, each as first written (nil when absent; a name
/// given twice, `lang` and `xml:lang`, keeps its first). Held in the node itself: measured on an IATI import,
/// a list per element cost more to build and free than the rest of the node.
struct IATIAttributes: Sendable {
    private var lang, lastUpdated, type, ref, role, code, isoDate, measure, ascending, value, year: String?

    subscript(name: IATIName.Attribute) -> String? {
        get {
            switch name {
            case .lang: lang
            case .lastUpdated: lastUpdated
            case .type: type
            case .ref: ref
            case .role: role
            case .code: code
            case .isoDate: isoDate
            case .measure: measure
            case .ascending: ascending
            case .value: value
            case .year: year
            }
        }
        set {
            switch name {
            case .lang: lang = newValue
            case .lastUpdated: lastUpdated = newValue
            case .type: type = newValue
            case .ref: ref = newValue
            case .role: role = newValue
            case .code: code = newValue
            case .isoDate: isoDate = newValue
            case .measure: measure = newValue
            case .ascending: ascending = newValue
            case .value: value = newValue
            case .year: year = newValue
            }
        }
    }

    /// Sets `name` unless it was given before.
    mutating func add(_ name: IATIName.Attribute, _ value: String) {
        if self[name] == nil { self[name] = value }
    }
}
