/// How dates typed as text with the day and month both in numbers (`03/04/2027`) are read: day first, as UK
/// registers write them (the default), or month first, as US files do (`--date-order mdy`).
public enum DateOrder: String, CaseIterable, Sendable {
    /// Day, month, year: `31/03/2027`.
    case dmy
    /// Month, day, year: `03/31/2027`.
    case mdy
}
