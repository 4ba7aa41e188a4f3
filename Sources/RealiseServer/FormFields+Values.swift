import RealiseModel

extension FormFields {
    /// The date field `name` (`YYYY-MM-DD`, as a date input sends it).
    func day(_ name: String) throws(WebError) -> Day {
        guard let text = self[name] else { throw .invalid(field: name, "is required") }
        guard let day = Day(iso: text) else { throw .invalid(field: name, "'\(text.prefix(40))' is not a date; write it as YYYY-MM-DD") }
        return day
    }

    /// The number field `name`; nil when empty and not `required`.
    func number(_ name: String, required: Bool = true) throws(WebError) -> Double? {
        guard let text = self[name] else {
            if required { throw .invalid(field: name, "is required") }
            return nil
        }
        guard let value = Double(text.replacingOccurrences(of: " ", with: "")), value.isFinite else {
            throw .invalid(field: name, "'\(text.prefix(40))' is not a number; write it with digits and a decimal point, such as 1150.5")
        }
        return value
    }
}
