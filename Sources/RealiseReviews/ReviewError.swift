/// Why a review schedule or record could not be made.
public enum ReviewError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The cadence text is not a named cadence or a valid RRULE; `part` is the offending piece.
    case invalidCadence(text: String, part: String, reason: String)

    public var description: String {
        switch self {
        case .invalidCadence(let text, let part, let reason):
            "invalid cadence '\(text)': \(part): \(reason). Use weekly, fortnightly, monthly, quarterly, half-yearly, annually or an RRULE such as FREQ=MONTHLY;BYDAY=-1FR"
        }
    }
}
