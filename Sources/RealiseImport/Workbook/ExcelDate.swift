import RealiseModel

/// Excel's serial day numbers. In the 1900 system (the default) day 1 is 1 January 1900 and day 60 is
/// 29 February 1900, a day that never was (Lotus 1-2-3 took 1900 for a leap year and Excel kept it), so
/// from day 61 on, serial n is 30 December 1899 plus n. In the 1904 system day 0 is 1 January 1904.
/// A time of day (the fraction) is dropped.
enum ExcelDate {
    /// The fictitious day, as text: read as a date it is refused as not a real date.
    static let fictitiousDay = "1900-02-29"

    /// The day of `serial` as `YYYY-MM-DD`; nil for a serial that is no day (negative, past 9999).
    static func text(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 {
            return Day(year: 1904, month: 1, day: 1).map { $0.adding(days: whole).description }
        }
        if whole == 60 { return fictitiousDay }
        guard whole > 0 else { return nil }
        let epoch = whole < 60 ? Day(year: 1899, month: 12, day: 31) : Day(year: 1899, month: 12, day: 30)
        return epoch.map { $0.adding(days: whole).description }
    }
}
