import RealiseModel

/// Numbers rounded for reading: three significant figures, but never fewer than the whole number
/// (`2,244`, `57.5`, `1.59`, `0.0123`), thousands grouped with commas.
enum ReadableNumber {
    static func text(_ value: Double) -> String {
        let magnitude = abs(value)
        guard value.isFinite, magnitude < 1e15 else { return value.plainText }
        var decimals = 0
        if magnitude > 0, magnitude < 100 {
            var scale = 1.0, digits = 2
            while magnitude * scale < 10, digits < 8 { scale *= 10; digits += 1 }
            decimals = magnitude >= 10 ? 1 : digits - 1
        }
        var power: Int64 = 1
        for _ in 0..<decimals { power *= 10 }
        let units = Int64((magnitude * Double(power)).rounded())
        var fraction = String(units % power)
        fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = grouped(units / power)
        let sign = value < 0 && units != 0 ? "-" : ""
        return sign + whole + (decimals == 0 || fraction.isEmpty ? "" : "." + fraction)
    }

    private static func grouped(_ whole: Int64) -> String {
        let digits = String(whole)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
