import ScenarioModel

/// The value grammars of tag attributes (scenario-format.md §6.2, §6.7), and
/// the repairs a quick fix offers. No regular expressions: these run on every
/// attribute of every action.
enum TagValues {
    /// SECONDS: `^[0-9]+(\.[0-9]+)?s$`.
    static func isSeconds<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard bytes.last == UInt8(ascii: "s") else { return false }
        return isPlainDecimal(bytes.dropLast())
    }

    /// Digits, optionally `.` and more digits.
    static func isPlainDecimal<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var digitsBefore = 0, digitsAfter = 0, sawDot = false
        for byte in bytes {
            if byte.isDigit {
                if sawDot { digitsAfter += 1 } else { digitsBefore += 1 }
            } else if byte == UInt8(ascii: "."), !sawDot {
                sawDot = true
            } else {
                return false
            }
        }
        return digitsBefore > 0 && (!sawDot || digitsAfter > 0)
    }

    /// A duration as a number and a unit: `"2"`, `"2 s"`, `"1500ms"`, `".5sec"`.
    /// Returns the digits before and after the point, and whether the unit is milliseconds.
    private static func duration(_ value: String) -> (whole: String, fraction: String, milliseconds: Bool?)? {
        var bytes = ArraySlice(Array(trimmingBlanks(value).utf8))
        var number: [UInt8] = []
        while let byte = bytes.first, byte.isDigit || byte == UInt8(ascii: ".") {
            number.append(byte)
            bytes.removeFirst()
        }
        let unit = trimmingBlanks(String(decoding: bytes, as: UTF8.self)).lowercased()
        var milliseconds: Bool?
        switch unit {
        case "": milliseconds = nil
        case "s", "sec", "secs", "second", "seconds": milliseconds = false
        case "ms", "msec", "msecs", "millisecond", "milliseconds": milliseconds = true
        default: return nil
        }
        if number.first == UInt8(ascii: ".") { number.insert(UInt8(ascii: "0"), at: 0) }
        guard isPlainDecimal(number) else { return nil }
        let parts = number.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return (String(decoding: parts[0], as: UTF8.self), parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : "", milliseconds)
    }

    /// The SECONDS spelling of a duration: `"2"` → `"2s"`, `"1500ms"` → `"1.5s"`,
    /// `"2 s"` → `"2s"`; nil when the value is not a duration.
    static func seconds(from value: String) -> String? {
        guard let (whole, fraction, milliseconds) = duration(value) else { return nil }
        let number = milliseconds == true ? shift(whole, fraction, by: -3) : normalized(whole, fraction)
        return number + "s"
    }

    /// Whole milliseconds from a duration: `"2s"` → `"2000"`, `"500ms"` → `"500"`;
    /// nil when there is no unit or the result is not whole.
    static func milliseconds(from value: String) -> String? {
        guard let (whole, fraction, milliseconds) = duration(value), let milliseconds else { return nil }
        let number = milliseconds ? normalized(whole, fraction) : shift(whole, fraction, by: 3)
        return number.contains(".") ? nil : number
    }

    /// The decimal `whole.fraction` times 10^places, written without
    /// superfluous zeros: exact, with no floating-point rounding.
    private static func shift(_ whole: String, _ fraction: String, by places: Int) -> String {
        var digits = Array(whole + fraction)
        var point = whole.count + places
        if point < 0 {
            digits.insert(contentsOf: repeatElement("0", count: -point), at: 0)
            point = 0
        }
        if point > digits.count { digits.append(contentsOf: repeatElement("0", count: point - digits.count)) }
        return normalized(String(digits[..<point]), String(digits[point...]))
    }

    private static func normalized(_ whole: String, _ fraction: String) -> String {
        var whole = Substring(whole), fraction = Substring(fraction)
        while whole.count > 1, whole.first == "0" { whole = whole.dropFirst() }
        if whole.isEmpty { whole = "0" }
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }

    /// NUMBER: an optional sign, digits, optionally `.` and digits (`.5` too).
    static func number(_ value: String) -> Double? {
        var bytes = Substring(value).utf8[...]
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let valid = bytes.first == UInt8(ascii: ".") ? isPlainDecimal([UInt8(ascii: "0")] + bytes) : isPlainDecimal(bytes)
        return valid ? Double(value) : nil
    }

    /// A bound as messages write it: `0.8`, `2`, `100`.
    static func written(_ bound: Double) -> String {
        bound == bound.rounded() && abs(bound) < 1e15 ? String(Int(bound)) : String(bound)
    }

    /// A Cartesia voice id: 8-4-4-4-12 hexadecimal digits.
    static func isUUID<Bytes: Collection<UInt8>>(_ value: Bytes) -> Bool {
        var group = 0, length = 0
        let lengths = [8, 4, 4, 4, 12]
        for byte in value {
            if byte == UInt8(ascii: "-") {
                guard group < 4, length == lengths[group] else { return false }
                group += 1
                length = 0
            } else if byte.isDigit || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f")) {
                length += 1
            } else {
                return false
            }
        }
        return group == 4 && length == 12
    }

    /// An ElevenLabs voice id: ASCII letters and digits.
    static func isAlphanumeric<Bytes: Collection<UInt8>>(_ value: Bytes) -> Bool {
        !value.isEmpty && value.allSatisfy { $0.isDigit || $0.isASCIILetterByte }
    }
}

extension TagFact.ValueKind {
    /// What a value of this kind is, in words: "a number from 0.8 to 1.2".
    public var expectation: String {
        switch self {
        case .text: "text"
        case .seconds: "a number of seconds ending in `s`, like \"2s\" or \"1.5s\""
        case .milliseconds: "a duration in milliseconds, digits only, like \"500\""
        case .number(let min?, let max?): "a number from \(TagValues.written(min)) to \(TagValues.written(max))"
        case .number(let min?, nil): "a number of \(TagValues.written(min)) or more"
        case .number(nil, let max?): "a number up to \(TagValues.written(max))"
        case .number(nil, nil): "a number"
        case .oneOf(let values): "one of " + wordList(values.map(\.value))
        case .dtmfDigits: "keypad characters `0-9`, `*`, `#`, `A-D`, and `{{test_profile…}}` placeholders"
        case .json: "JSON, best in single quotes"
        case .functionName: "the name of a function in `functions`"
        }
    }
}

extension UInt8 {
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isASCIILetterByte: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
}
